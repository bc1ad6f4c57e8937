package dev.faqkb.search;

import dev.faqkb.content.Question;

/**
 * One result: the question, its category title, and an HTML snippet of the answer in which only
 * {@code <mark>} is markup (the text itself is escaped).
 */
public record SearchHit(Question question, String categoryTitle, String snippetHtml, float score) {
}
