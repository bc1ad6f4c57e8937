package dev.faqkb.feedback;

/**
 * The feedback tables on H2, the embedded default (an in-memory database of its own, see
 * test config).
 */
class H2FeedbackStoreTests extends FeedbackStoreContract {

}
