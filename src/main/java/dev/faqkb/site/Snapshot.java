package dev.faqkb.site;

import java.time.Instant;

import dev.faqkb.content.Catalog;
import dev.faqkb.search.SearchIndex;

/**
 * A catalog and the index built from it. A request reads one snapshot from start to end, so it never
 * sees half of a change.
 */
public record Snapshot(Catalog catalog, SearchIndex index, Instant loadedAt) {
}
