package dev.faqkb.feedback;

/**
 * Control characters in comments and searches, on H2 (an in-memory database of its own,
 * see test config).
 */
class H2ControlCharactersTests extends ControlCharactersContract {

}
