/**
 * {@code java -jar faqkb.jar import}: turns an FAQ kept elsewhere (Sphinx
 * reStructuredText pages, web pages with schema.org {@code FAQPage} markup, CSV or TSV
 * exports) into category files of the content format, and checks them with the content
 * loader. Depends on {@code content} only.
 */
package dev.faqkb.importer;
