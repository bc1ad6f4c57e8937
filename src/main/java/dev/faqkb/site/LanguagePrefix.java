package dev.faqkb.site;

import dev.faqkb.content.Editions;

/**
 * The first segment of an address in a language other than the default one, as the
 * features map it: {@code /fr/faq/general}, {@code /fr/search}, {@code /fr/ask}.
 */
public final class LanguagePrefix {

	/**
	 * The site's first segments that look like a language tag but are never one, as
	 * alternatives of a regular expression.
	 */
	public static final String NOT_A_LANGUAGE = "faq|mcp|api|ask";

	/**
	 * The prefix as a path variable {@code lang} of a mapping: a BCP 47 tag ({@code fr},
	 * {@code pt-BR}, {@code zh-Hant}). Never {@code faq}, so that {@code /faq/faq/...}
	 * stays a category's address, nor the site's other first segments that look like a
	 * tag ({@code /mcp}, {@code /api}, {@code /ask}), so that a request for them is
	 * theirs to answer (a POST to a turned-off {@code /mcp} is a 404, not a 405 of the
	 * language's home page); single segments with a dot ({@code /favicon.svg}) never
	 * match.
	 */
	public static final String VARIABLE = "{lang:(?!(?:" + NOT_A_LANGUAGE + ")$)" + Editions.TAG + "}";

	private LanguagePrefix() {
	}

}
