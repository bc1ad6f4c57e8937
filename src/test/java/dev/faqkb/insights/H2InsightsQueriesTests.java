package dev.faqkb.insights;

/** The insights SQL on H2, the embedded default. */
class H2InsightsQueriesTests extends InsightsQueriesContract {

}
