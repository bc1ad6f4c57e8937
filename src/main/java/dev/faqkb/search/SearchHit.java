package dev.faqkb.search;

import dev.faqkb.content.Question;

/**
 * One result: the question, its category title, and an HTML snippet of the answer in
 * which only {@code <mark>} is markup (the text itself is escaped).
 *
 * @param score higher is better; comparable only within one search (lexical scores alone,
 * or a 0..1 blend once search ranks by meaning too)
 * @param match whether the question matched the words of the query, its meaning, or both
 */
public record SearchHit(Question question, String categoryTitle, String snippetHtml, float score, Match match) {
}
