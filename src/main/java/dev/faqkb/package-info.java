/**
 * faqkb: an FAQ knowledge base served from Markdown files, packaged by feature.
 */
package dev.faqkb;
