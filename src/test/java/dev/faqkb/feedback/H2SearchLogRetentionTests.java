package dev.faqkb.feedback;

/** Search log retention on H2 (an in-memory database of its own, see test config). */
class H2SearchLogRetentionTests extends SearchLogRetentionContract {

}
