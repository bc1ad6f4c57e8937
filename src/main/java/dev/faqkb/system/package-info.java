/**
 * Cross-cutting pieces: the one properties record, error pages and startup failure reporting.
 */
package dev.faqkb.system;
