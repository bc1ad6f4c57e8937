/**
 * Pages and the JSON API. Each request reads one {@link dev.faqkb.site.Snapshot}, given
 * to handlers as the model attribute {@code snapshot}; errors are answered by
 * {@code system}.
 */
package dev.faqkb.web;
