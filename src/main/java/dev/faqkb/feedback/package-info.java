/**
 * What readers tell us: "Was this helpful?" votes and comments, the search log, page views, and the abuse
 * limits around them (one counted vote per reader, answer and day; a rate limit per client address).
 */
package dev.faqkb.feedback;
