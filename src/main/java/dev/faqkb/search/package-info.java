/**
 * Full-text search over a {@link dev.faqkb.content.Catalog}: one in-memory Lucene index
 * per content snapshot, queried as named steps (retrieve a ranking of questions, fuse,
 * page, present).
 */
package dev.faqkb.search;
