package dev.faqkb.system;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Browser protections sent with every response, pages, API, errors and admin alike (Spring Security also sends
 * {@code X-Content-Type-Options: nosniff} and {@code X-Frame-Options: DENY}).
 * <p>
 * The Content-Security-Policy allows scripts, styles and everything else from this site only, and no inline script
 * or style: the pages have none (the redirects of a category page are a {@code type="application/json"} block,
 * which the browser never runs), so injected markup cannot run either. Answers are rendered as written, so an
 * author's HTML that loads an image from another site or uses a {@code style} attribute is blocked too, in line
 * with "load nothing from other sites".
 */
final class SecurityHeaders {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
			+ "frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

	/** Answers ask for none of these, so no page (or anything injected into one) may use them. */
	static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), "
			+ "magnetometer=(), microphone=(), payment=(), usb=()";

	private SecurityHeaders() {
	}

	static void apply(HeadersConfigurer<HttpSecurity> headers) {
		headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			// Other sites see that a visitor came from the FAQ, never which answer or search.
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY));
	}

}
