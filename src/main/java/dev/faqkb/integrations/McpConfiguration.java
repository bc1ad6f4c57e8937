package dev.faqkb.integrations;

import java.io.IOException;
import java.util.Map;

import dev.faqkb.site.PublicLinks;
import dev.faqkb.site.SearchListener;
import dev.faqkb.site.SnapshotStore;
import dev.faqkb.system.FaqkbProperties;
import dev.faqkb.system.TokenBuckets;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The MCP server at {@code /mcp}: the SDK's stateless Streamable HTTP transport as a servlet beside Spring MVC's.
 * Stateless because the tools only read: every request is answered on its own, so any instance behind a load
 * balancer can answer it and nothing is kept per client. Off with {@code faqkb.integrations.mcp.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "faqkb.integrations.mcp.enabled", matchIfMissing = true)
class McpConfiguration {

	static final String ENDPOINT = "/mcp";

	@Bean
	HttpServletStatelessServerTransport mcpTransport(SnapshotStore store) {
		McpJsonMapper json = McpJsonDefaults.getMapper();
		return HttpServletStatelessServerTransport.builder()
			.jsonMapper(json)
			.messageEndpoint(ENDPOINT)
			.contextExtractor(request -> McpTransportContext
				.create(Map.of(FaqTools.BASE, PublicLinks.base(store.current().catalog().site(), request))))
			.build();
	}

	/**
	 * Made by {@link #mcpServerAfterTheOtherBeans} rather than in its turn: the instructions need the content's title,
	 * and the content loads on its own thread while the other beans are made; made in its turn, startup waited for the
	 * content here instead of making the rest meanwhile (bench/README.md, "Startup"). The web server takes requests
	 * only after it is made.
	 */
	@Bean(destroyMethod = "close")
	@Lazy
	McpStatelessSyncServer mcpServer(HttpServletStatelessServerTransport transport, SnapshotStore store,
			SearchListener searches) {
		String title = store.current().catalog().site().title();
		return McpServer.sync(transport)
			.serverInfo("faqkb", version())
			.instructions("Answers from " + title + ". Search with search_faq, then read a whole answer with get_answer; "
					+ "cite the answer's URL.")
			.capabilities(ServerCapabilities.builder().tools(false).build())
			.validateToolInputs(true)
			.tools(new FaqTools(store, McpJsonDefaults.getMapper(), searches).specifications())
			.build();
	}

	@Bean
	SmartInitializingSingleton mcpServerAfterTheOtherBeans(ObjectProvider<McpStatelessSyncServer> server) {
		return server::getObject;
	}

	/** From the jar's manifest; {@code dev} when run from the IDE or {@code spring-boot:run}. */
	private static String version() {
		String version = McpConfiguration.class.getPackage().getImplementationVersion();
		return version == null ? "dev" : version;
	}

	@Bean
	ServletRegistrationBean<HttpServletStatelessServerTransport> mcpServlet(HttpServletStatelessServerTransport transport) {
		ServletRegistrationBean<HttpServletStatelessServerTransport> registration = new ServletRegistrationBean<>(transport,
				ENDPOINT);
		registration.setName("mcp");
		registration.setAsyncSupported(true);
		return registration;
	}

	@Bean
	FilterRegistrationBean<RateLimit> mcpRateLimit(FaqkbProperties properties) {
		FilterRegistrationBean<RateLimit> registration = new FilterRegistrationBean<>(
				new RateLimit(new TokenBuckets("faqkb.integrations.mcp.rate-limit", properties.integrations().mcp().rateLimit())));
		registration.addUrlPatterns(ENDPOINT);
		return registration;
	}

	/** Answers 429 once a client address has sent its requests for the minute, before the transport reads them. */
	static final class RateLimit extends OncePerRequestFilter {

		private final TokenBuckets limits;

		RateLimit(TokenBuckets limits) {
			this.limits = limits;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (limits.tryAcquire(request.getRemoteAddr())) {
				chain.doFilter(request, response);
				return;
			}
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, "60");
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.getWriter().write("{\"error\": \"Too many requests from your address. Please try again in a minute.\"}");
		}

	}

}
