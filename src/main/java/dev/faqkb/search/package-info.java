/**
 * Full-text search over a {@link dev.faqkb.content.Catalog}: one in-memory Lucene index per content snapshot.
 */
package dev.faqkb.search;
