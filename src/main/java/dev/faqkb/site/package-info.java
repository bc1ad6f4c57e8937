/**
 * The live content snapshot (catalog plus search index) that every request reads, swapped
 * as a whole; the folder watcher, health and {@code validate}. Also what the
 * reader-facing features share without depending on each other: the per-request snapshot
 * ({@link dev.faqkb.site.SnapshotAdvice}), {@link dev.faqkb.site.NotInCatalogException},
 * the site's absolute address ({@link dev.faqkb.site.PublicLinks}), the owner's report
 * periods ({@link dev.faqkb.site.Period}), and the contracts {@code web} calls and
 * {@code feedback} implements ({@link dev.faqkb.site.PopularQuestions},
 * {@link dev.faqkb.site.SearchListener}, {@link dev.faqkb.site.AnswerViews}).
 */
package dev.faqkb.site;
