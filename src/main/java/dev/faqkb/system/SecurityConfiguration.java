package dev.faqkb.system;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.PermissionsPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;

import jakarta.servlet.DispatcherType;

/**
 * Readers need no login, no session and no token: every page is public and the same for
 * everyone. Three pieces, each only where it is needed:
 * <ul>
 * <li>{@link CrossOriginProtection}, a plain filter, refuses posts that a browser says
 * come from another site (CSRF), for every address but the two that other servers
 * call;</li>
 * <li>the security headers ({@link SecurityHeaders}), written by a plain filter on every
 * response, cached pages and assets included;</li>
 * <li>Spring Security's filter chain, only for the admin pages and the health endpoint
 * (whose details only the admin sees): HTTP Basic with the one configured user, throttled
 * after failed logins ({@link LoginThrottle}), off unless {@code faqkb.admin.password} is
 * set. Pages, assets, votes and questions never go through it.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	private static final String[] ADMIN = { "/admin/**", "/admin", "/api/admin/**" };

	// Checked by the chain only to know who asks: anyone gets the status, the admin also
	// the details.
	private static final String HEALTH = "/actuator/**";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, FaqkbProperties properties, ErrorReplies replies,
			LoginThrottle loginThrottle) throws Exception {
		boolean adminOn = properties.admin().enabled();
		if (!adminOn) {
			log.info("Admin pages (/admin/insights) are off: set FAQKB_ADMIN_PASSWORD (faqkb.admin.password) "
					+ "to turn them on, with user '{}' (faqkb.admin.username)", properties.admin().username());
		}
		// With the admin pages off their controllers are not there, so these addresses
		// are plain 404s.
		http.securityMatcher(ADMIN[0], ADMIN[1], ADMIN[2], HEALTH).authorizeHttpRequests(requests -> {
			if (adminOn) {
				requests.requestMatchers(ADMIN).hasRole("ADMIN");
			}
			requests.anyRequest().permitAll();
		})
			.formLogin(form -> form.disable())
			.logout(logout -> logout.disable())
			.requestCache(cache -> cache.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// CrossOriginProtection covers every post, and the headers filter every
			// response, these included.
			.csrf(csrf -> csrf.disable())
			.headers(headers -> headers.disable())
			.exceptionHandling(exceptions -> exceptions.accessDeniedHandler((request, response, denied) -> replies
				.write(request, response, Problem.of(HttpStatus.FORBIDDEN), denied)));
		if (adminOn) {
			http.httpBasic(basic -> basic.realmName("faqkb admin"))
				.addFilterBefore(loginThrottle.filter(replies), BasicAuthenticationFilter.class);
		}
		else {
			http.httpBasic(basic -> basic.disable());
		}
		return http.build();
	}

	@Bean
	FilterRegistrationBean<CrossOriginProtection> crossOriginProtection(ErrorReplies replies) {
		FilterRegistrationBean<CrossOriginProtection> registration = new FilterRegistrationBean<>(
				// The slash command has its token or Slack's signature, and the MCP tools
				// only read.
				new CrossOriginProtection(replies, ResponseFormat.FOR_OTHER_SERVERS));
		registration.setOrder(FilterOrder.CROSS_ORIGIN);
		return registration;
	}

	/**
	 * Spring Security's usual headers (the chain's own are off) and faqkb's policies, for
	 * every response, errors included. Pages set their own {@code Cache-Control}.
	 */
	@Bean
	SecurityHeaders securityHeaders() {
		return new SecurityHeaders(List.of(new XContentTypeOptionsHeaderWriter(), new XXssProtectionHeaderWriter(),
				new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY), new HstsHeaderWriter(),
				new ContentSecurityPolicyHeaderWriter(SecurityHeaders.CONTENT_SECURITY_POLICY),
				// Other sites see that a visitor came from the FAQ, never which answer or
				// search.
				new ReferrerPolicyHeaderWriter(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN),
				new PermissionsPolicyHeaderWriter(SecurityHeaders.PERMISSIONS_POLICY)));
	}

	@Bean
	FilterRegistrationBean<SecurityHeaders> securityHeadersFilter(SecurityHeaders headers) {
		FilterRegistrationBean<SecurityHeaders> registration = new FilterRegistrationBean<>(headers);
		registration.setOrder(FilterOrder.HEADERS);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * Defined even when the admin pages are off, so Boot does not make up a user with a
	 * generated password.
	 */
	@Bean
	UserDetailsService adminUser(FaqkbProperties properties, PasswordEncoder encoder) {
		FaqkbProperties.Admin admin = properties.admin();
		if (!admin.enabled()) {
			return new InMemoryUserDetailsManager();
		}
		return new InMemoryUserDetailsManager(
				User.withUsername(admin.username()).password(encoder.encode(admin.password())).roles("ADMIN").build());
	}

}
