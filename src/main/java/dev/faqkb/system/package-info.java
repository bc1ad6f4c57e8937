/**
 * Cross-cutting pieces under every feature: the one properties record, security, the embedded database default,
 * and the one error path ({@link dev.faqkb.system.ErrorAdvice}, {@code /error}, the security handlers), which
 * answers JSON or the error page by one rule ({@link dev.faqkb.system.ResponseFormat}). Depends on no feature
 * package; features add to error pages through {@link dev.faqkb.system.ErrorPageContributor}.
 */
package dev.faqkb.system;
