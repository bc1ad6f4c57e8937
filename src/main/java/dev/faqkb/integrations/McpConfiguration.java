package dev.faqkb.integrations;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import dev.faqkb.site.PublicLinks;
import dev.faqkb.site.SearchListener;
import dev.faqkb.site.SnapshotStore;
import dev.faqkb.system.BodyLimit;
import dev.faqkb.system.ErrorReplies;
import dev.faqkb.system.FaqkbProperties;
import dev.faqkb.system.Problem;
import dev.faqkb.system.TokenBuckets;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The MCP server at {@code /mcp}: the SDK's stateless Streamable HTTP transport as a
 * servlet beside Spring MVC's. Stateless because the tools only read: every request is
 * answered on its own, so any instance behind a load balancer can answer it and nothing
 * is kept per client. Off with {@code faqkb.integrations.mcp.enabled=false}.
 * <p>
 * Before the transport: a rate limit per address ({@link RateLimit}), a body of at most
 * {@link #MAX_BODY} bytes, and one JSON object as the body ({@link McpMessages}).
 * Refusals of the request (429, 413) are answered as every refusal is
 * ({@link ErrorReplies}); a message the protocol cannot take gets a JSON-RPC error
 * ({@link JsonRpcErrors}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "faqkb.integrations.mcp.enabled", matchIfMissing = true)
class McpConfiguration {

	static final String ENDPOINT = "/mcp";

	/**
	 * The most a request to {@link #ENDPOINT} may be: the tools take a question of at
	 * most a few hundred characters, and a client's first message (its capabilities) is a
	 * few kilobytes.
	 */
	static final int MAX_BODY = 256 * 1024;

	static final String TOO_MANY = "Too many requests from your address. Please try again in a minute.";

	@Bean
	HttpServletStatelessServerTransport mcpTransport(SnapshotStore store) {
		return HttpServletStatelessServerTransport.builder()
			.jsonMapper(new JsonRpcErrors(McpJsonDefaults.getMapper()))
			.messageEndpoint(ENDPOINT)
			.maxRequestSize(MAX_BODY)
			.contextExtractor(request -> McpTransportContext
				.create(Map.of(FaqTools.BASE, PublicLinks.base(store.current().catalog().site(), request))))
			.build();
	}

	/**
	 * Made by {@link #mcpServerAfterTheOtherBeans} rather than in its turn: the
	 * instructions need the content's title, and the content loads on its own thread
	 * while the other beans are made; made in its turn, startup waited for the content
	 * here instead of making the rest meanwhile (bench/README.md, "Startup"). The web
	 * server takes requests only after it is made.
	 */
	@Bean(destroyMethod = "close")
	@Lazy
	McpStatelessSyncServer mcpServer(HttpServletStatelessServerTransport transport, SnapshotStore store,
			SearchListener searches) {
		String title = store.current().catalog().site().title();
		return McpServer.sync(transport)
			.serverInfo("faqkb", version())
			.instructions("Answers from " + title
					+ ". Search with search_faq, then read a whole answer with get_answer; " + "cite the answer's URL.")
			.capabilities(ServerCapabilities.builder().tools(false).build())
			.validateToolInputs(true)
			.tools(new FaqTools(store, McpJsonDefaults.getMapper(), searches).specifications())
			.build();
	}

	@Bean
	SmartInitializingSingleton mcpServerAfterTheOtherBeans(ObjectProvider<McpStatelessSyncServer> server) {
		return server::getObject;
	}

	/**
	 * From the jar's manifest; {@code dev} when run from the IDE or
	 * {@code spring-boot:run}.
	 */
	private static String version() {
		String version = McpConfiguration.class.getPackage().getImplementationVersion();
		return version == null ? "dev" : version;
	}

	@Bean
	ServletRegistrationBean<HttpServletStatelessServerTransport> mcpServlet(
			HttpServletStatelessServerTransport transport) {
		ServletRegistrationBean<HttpServletStatelessServerTransport> registration = new ServletRegistrationBean<>(
				transport, ENDPOINT);
		registration.setName("mcp");
		registration.setAsyncSupported(true);
		return registration;
	}

	@Bean
	BodyLimit mcpBodyLimit() {
		return new BodyLimit(ENDPOINT, MAX_BODY);
	}

	@Bean
	FilterRegistrationBean<RateLimit> mcpRateLimit(FaqkbProperties properties, ErrorReplies replies) {
		FilterRegistrationBean<RateLimit> registration = new FilterRegistrationBean<>(new RateLimit(
				new TokenBuckets("faqkb.integrations.mcp.rate-limit", properties.integrations().mcp().rateLimit()),
				replies));
		registration.addUrlPatterns(ENDPOINT);
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
		return registration;
	}

	/** After the rate limit, so that a client over it costs no reading. */
	@Bean
	FilterRegistrationBean<McpMessages> mcpMessages() {
		FilterRegistrationBean<McpMessages> registration = new FilterRegistrationBean<>(
				new McpMessages(McpJsonDefaults.getMapper()));
		registration.addUrlPatterns(ENDPOINT);
		registration.setOrder(Ordered.LOWEST_PRECEDENCE);
		return registration;
	}

	/**
	 * Answers 429 once a client address has sent its requests for the minute, before the
	 * transport reads them.
	 */
	static final class RateLimit extends OncePerRequestFilter {

		/** The bucket refills one request in at most a minute. */
		private static final Duration RETRY_AFTER = Duration.ofMinutes(1);

		private final TokenBuckets limits;

		private final ErrorReplies replies;

		RateLimit(TokenBuckets limits, ErrorReplies replies) {
			this.limits = limits;
			this.replies = replies;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (limits.tryAcquire(request.getRemoteAddr())) {
				chain.doFilter(request, response);
				return;
			}
			replies.write(request, response,
					Problem.of(HttpStatus.TOO_MANY_REQUESTS, TOO_MANY).withRetryAfter(RETRY_AFTER), null);
		}

	}

}
