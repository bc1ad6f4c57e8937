package dev.faqkb.system;

import java.io.IOException;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Readers need no login and no session: every page is public, and forms that change something (feedback) carry
 * a CSRF token checked against a cookie. The admin pages use HTTP Basic with the one configured user, and are
 * off unless {@code faqkb.admin.password} is set.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	private static final String[] ADMIN = { "/admin/**", "/admin", "/api/admin/**" };

	// Called by chat servers and AI assistants, not from our pages: no cookie to check; the slash command has its token.
	private static final String[] NO_CSRF = { "/integrations/slash", "/mcp" };

	// Pages with a form, whose CSRF cookie must be set before the page is written (see CsrfCookieFilter).
	private static final Pattern FORM_PAGES = Pattern.compile("/faq/.*|/search|/ask|/admin/insights");

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, FaqkbProperties properties, ErrorReplies replies,
			LoginThrottle loginThrottle)
			throws Exception {
		boolean adminOn = properties.admin().enabled();
		if (!adminOn) {
			log.info("Admin pages (/admin/insights) are off: set FAQKB_ADMIN_PASSWORD (faqkb.admin.password) "
					+ "to turn them on, with user '{}' (faqkb.admin.username)", properties.admin().username());
		}
		http.authorizeHttpRequests(requests -> {
			if (adminOn) {
				requests.requestMatchers(ADMIN).hasRole("ADMIN");
			}
			// With the admin pages off their controllers are not there, so these addresses are plain 404s.
			requests.anyRequest().permitAll();
		})
			.formLogin(form -> form.disable())
			.logout(logout -> logout.disable())
			.requestCache(cache -> cache.disable())
			// Double-submit cookie: no session is needed to check a reader's token.
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.csrfTokenRepository(csrfCookie()).ignoringRequestMatchers(NO_CSRF))
			.exceptionHandling(exceptions -> exceptions.accessDeniedHandler(denied(replies)))
			.addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class)
			// Caching of pages is the page controllers' business; the admin pages set no-store themselves.
			.headers(headers -> SecurityHeaders.apply(headers.cacheControl(cache -> cache.disable())));
		if (adminOn) {
			http.httpBasic(basic -> basic.realmName("faqkb admin"))
				.addFilterBefore(loginThrottle.filter(), BasicAuthenticationFilter.class);
		}
		else {
			http.httpBasic(basic -> basic.disable());
		}
		return http.build();
	}

	/**
	 * A post without a valid CSRF token is usually a page left open while the browser was restarted, which drops
	 * the token cookie: the reply says so, and how to go on, instead of a bare "Forbidden".
	 */
	private static AccessDeniedHandler denied(ErrorReplies replies) {
		return (request, response, denied) -> replies.write(request, response,
				denied instanceof CsrfException ? Problem.formExpired() : Problem.of(HttpStatus.FORBIDDEN), denied);
	}

	/** SameSite=Lax like the reader cookie: the token is not sent with a post from another site in the first place. */
	private static CookieCsrfTokenRepository csrfCookie() {
		CookieCsrfTokenRepository repository = new CookieCsrfTokenRepository();
		repository.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
		return repository;
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/** Defined even when the admin pages are off, so Boot does not make up a user with a generated password. */
	@Bean
	UserDetailsService adminUser(FaqkbProperties properties, PasswordEncoder encoder) {
		FaqkbProperties.Admin admin = properties.admin();
		if (!admin.enabled()) {
			return new InMemoryUserDetailsManager();
		}
		return new InMemoryUserDetailsManager(User.withUsername(admin.username())
			.password(encoder.encode(admin.password()))
			.roles("ADMIN")
			.build());
	}

	/**
	 * Makes the CSRF cookie part of the response before a page with a form is written: the token is otherwise made
	 * while the form is rendered, which on a long category or results page is after the headers have been sent.
	 */
	private static final class CsrfCookieFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (HttpMethod.GET.matches(request.getMethod()) && FORM_PAGES.matcher(request.getRequestURI()).matches()
					&& request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
				token.getToken();
			}
			chain.doFilter(request, response);
		}

	}

}
