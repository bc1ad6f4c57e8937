/**
 * What readers tell us: "Was this helpful?" votes and comments, the search log, page
 * views and the popular questions they make, and the abuse limits around them (one
 * counted vote per reader, answer and day; a rate limit per client address). Hears about
 * searches and serves popular questions through the contracts in {@code site}, so that no
 * page depends on this package.
 */
package dev.faqkb.feedback;
