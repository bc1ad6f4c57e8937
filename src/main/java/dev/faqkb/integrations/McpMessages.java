package dev.faqkb.integrations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import dev.faqkb.system.ContentTooLargeException;
import io.modelcontextprotocol.json.McpJsonMapper;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Lets through to the MCP transport only a body that is one JSON object, nested at most
 * {@value #MAX_DEPTH} deep; anything else is a 400 with a JSON-RPC error response
 * ({@link JsonRpcErrors}): not JSON is a parse error, JSON that is not one object (an
 * array, which would be a batch, or a bare value) an invalid request. The transport would
 * answer all of these as one invalid request, or fail deep in its own parsing. Reads the
 * body, which {@code system} holds to {@link McpConfiguration#MAX_BODY}, once; the
 * transport reads it again from memory. Thread-safe.
 */
final class McpMessages extends HttpFilter {

	/**
	 * Deeper than any message of the protocol (a tool's arguments, a client's
	 * capabilities) needs.
	 */
	static final int MAX_DEPTH = 64;

	static final String NOT_JSON = "Parse error: the body is not JSON";

	static final String TOO_DEEP = "Parse error: the JSON is nested more than " + MAX_DEPTH + " levels deep";

	static final String BATCH = "Invalid request: batches are not supported; send one JSON-RPC message per request";

	static final String NOT_AN_OBJECT = "Invalid request: the body must be one JSON-RPC message, a JSON object";

	private static final JsonFactory JSON = JsonFactory.builder()
		.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
		.build();

	private final McpJsonMapper json;

	McpMessages(McpJsonMapper json) {
		this.json = json;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (!"POST".equals(request.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		// Held to the limit already; one byte past it is read all the same, so that this
		// filter is safe on its own.
		byte[] body = request.getInputStream().readNBytes(McpConfiguration.MAX_BODY + 1);
		if (body.length > McpConfiguration.MAX_BODY) {
			throw new ContentTooLargeException(McpConfiguration.MAX_BODY);
		}
		Refusal refusal = check(body);
		if (refusal != null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8);
			response.getWriter()
				.write(json.writeValueAsString(JsonRpcErrors.response(refusal.code(), refusal.message())));
			return;
		}
		// JSON is UTF-8 (RFC 8259), whatever the request says.
		chain.doFilter(new ReplayedRequest(request, body, StandardCharsets.UTF_8, null), response);
	}

	/**
	 * What is wrong with {@code body} as an MCP message, or {@code null}: see the class
	 * comment.
	 */
	static Refusal check(byte[] body) {
		try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), body)) {
			JsonToken first = parser.nextToken();
			if (first == null) {
				return new Refusal(JsonRpcErrors.PARSE_ERROR, NOT_JSON);
			}
			parser.skipChildren();
			if (parser.nextToken() != null) {
				return new Refusal(JsonRpcErrors.PARSE_ERROR, NOT_JSON);
			}
			if (first == JsonToken.START_ARRAY) {
				return new Refusal(JsonRpcErrors.INVALID_REQUEST, BATCH);
			}
			return first == JsonToken.START_OBJECT ? null : new Refusal(JsonRpcErrors.INVALID_REQUEST, NOT_AN_OBJECT);
		}
		catch (StreamConstraintsException tooDeep) {
			return new Refusal(JsonRpcErrors.PARSE_ERROR, TOO_DEEP);
		}
		catch (JacksonException notJson) {
			return new Refusal(JsonRpcErrors.PARSE_ERROR, NOT_JSON);
		}
	}

	record Refusal(int code, String message) {
	}

}
