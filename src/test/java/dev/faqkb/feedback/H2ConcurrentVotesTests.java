package dev.faqkb.feedback;

/** Concurrent votes on H2, the embedded default. */
class H2ConcurrentVotesTests extends ConcurrentVotesContract {

}
