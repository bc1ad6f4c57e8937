package dev.faqkb.system;

import org.apache.coyote.http11.AbstractHttp11Protocol;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What reaches the application and how Tomcat answers what does not: request bodies held
 * to their limits ({@link BodyLimits}), and Tomcat's own refusals answered as every other
 * error ({@link ContainerErrorReport}).
 */
@Configuration(proxyBeanMethods = false)
class ContainerConfiguration {

	/**
	 * How much of a refused body Tomcat reads and throws away after the 413, so that a
	 * client still sending it reads the 413 rather than a reset connection (as nginx's
	 * lingering close does); past it Tomcat closes the connection. Costs no memory, only
	 * the time the client takes to send. Tomcat's default, 2 MB, reset some of 16 clients
	 * sending 15 MB at once.
	 */
	static final int REFUSED_BODY_READ_AWAY = 32 * 1024 * 1024;

	@Bean
	FilterRegistrationBean<BodyLimits> bodyLimits(ObjectProvider<BodyLimit> limits, ErrorReplies replies) {
		FilterRegistrationBean<BodyLimits> registration = new FilterRegistrationBean<>(
				new BodyLimits(limits.orderedStream().toList(), replies));
		registration.setOrder(FilterOrder.BODY_LIMITS);
		return registration;
	}

	/**
	 * Runs after Boot's own customizer (order 0), so that its error report valve is
	 * replaced, and these win over {@code server.tomcat.max-http-form-post-size} and
	 * {@code server.tomcat.max-swallow-size}.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatAnswersAsTheSiteDoes(
			ObjectProvider<ErrorReplies> replies, ObjectProvider<SecurityHeaders> headers) {
		return factory -> {
			factory.addContextCustomizers(context -> new ContainerErrorReport(replies, headers, context).install());
			factory.addConnectorCustomizers(connector -> {
				// Forms sent without a length are parsed by Tomcat before BodyLimits can
				// count them.
				connector.setMaxPostSize(BodyLimits.DEFAULT_MAX_BYTES);
				if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
					http.setMaxSwallowSize(REFUSED_BODY_READ_AWAY);
					// "100 Continue" only once the body is read: a client that waits for
					// it before sending a refused
					// body (curl does, for large ones) gets the 413 without sending it at
					// all.
					http.setContinueResponseTiming("onRead");
				}
			});
		};
	}

}
