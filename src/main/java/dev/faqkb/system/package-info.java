/**
 * Cross-cutting pieces under every feature: the one properties record, security, the
 * embedded database default, request body limits ({@link dev.faqkb.system.BodyLimit}),
 * and the one error path: every refusal, of a handler, a filter or Tomcat itself, is
 * written by {@link dev.faqkb.system.ErrorReplies} as JSON or the error page by one rule
 * ({@link dev.faqkb.system.ResponseFormat}). Depends on no feature package; features add
 * to error pages through {@link dev.faqkb.system.ErrorPageContributor} and declare their
 * body limits as beans.
 */
package dev.faqkb.system;
