package dev.faqkb.site;

/**
 * A reload replaced the content served: {@code snapshot} is what requests read from now
 * on. Published after the swap, on the thread that reloaded.
 *
 * @param snapshot the new snapshot
 */
public record ContentReloaded(Snapshot snapshot) {
}
