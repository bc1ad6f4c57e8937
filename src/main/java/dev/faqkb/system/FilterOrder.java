package dev.faqkb.system;

import org.springframework.core.Ordered;

/**
 * Where faqkb's own servlet filters run: right after Boot's character encoding and
 * observation filters, before everything else (Spring Security's chain is at -100), so
 * that a cached page is written after the security headers and before any other work.
 */
public final class FilterOrder {

	/** The security headers, on every response. */
	public static final int HEADERS = Ordered.HIGHEST_PRECEDENCE + 2;

	/**
	 * Holding request bodies to their limits before anything reads them
	 * ({@link BodyLimits}).
	 */
	public static final int BODY_LIMITS = Ordered.HIGHEST_PRECEDENCE + 3;

	/** Refusing posts from other sites ({@link CrossOriginProtection}). */
	public static final int CROSS_ORIGIN = Ordered.HIGHEST_PRECEDENCE + 4;

	/** Serving cached pages and assets ({@code dev.faqkb.web}). */
	public static final int CACHED_PAGES = Ordered.HIGHEST_PRECEDENCE + 5;

	private FilterOrder() {
	}

}
