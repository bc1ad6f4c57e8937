/**
 * The live content snapshot (catalog plus search index) that every request reads, swapped as a whole.
 */
package dev.faqkb.site;
