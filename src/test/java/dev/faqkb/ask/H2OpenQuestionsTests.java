package dev.faqkb.ask;

/**
 * The open questions table on H2, the embedded default (an in-memory database of its own,
 * see test config).
 */
class H2OpenQuestionsTests extends OpenQuestionsContract {

}
