/**
 * The owner's view of the feedback data: {@code /admin/insights} as a page, JSON and CSV,
 * behind HTTP Basic.
 */
package dev.faqkb.insights;
