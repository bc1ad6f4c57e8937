/**
 * Loading the content folder: front matter, Markdown rendering, link checking, and the immutable {@link dev.faqkb.content.Catalog}.
 */
package dev.faqkb.content;
