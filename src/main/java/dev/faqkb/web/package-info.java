/**
 * Pages and the JSON API. Each request reads one {@link dev.faqkb.site.Snapshot}, given to handlers as
 * the model attribute {@code snapshot}.
 */
package dev.faqkb.web;
