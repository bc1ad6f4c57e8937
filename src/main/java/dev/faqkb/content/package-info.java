/**
 * Loading the content folder in phases (files, front matter, the Markdown outline,
 * redirects and links, rendering) into the immutable {@link dev.faqkb.content.Catalog},
 * with every mistake reported as {@code path:line: message}.
 */
package dev.faqkb.content;
