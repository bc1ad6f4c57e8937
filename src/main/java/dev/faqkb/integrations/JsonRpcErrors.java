package dev.faqkb.integrations;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse.JSONRPCError;

/**
 * The MCP transport's JSON mapper, except that the errors the transport writes itself (a
 * message it cannot read, a wrong {@code Accept} or {@code Content-Type}, a failure)
 * become JSON-RPC error responses with a {@code null} id, as the MCP specification asks,
 * instead of the serialized Java exception (its class, its stack frames) the transport
 * hands it. A failure's message stays in the log: the client learns only that it failed.
 */
final class JsonRpcErrors implements McpJsonMapper {

	/**
	 * JSON-RPC 2.0's codes: the body is not JSON; it is JSON but not a request this
	 * server takes.
	 */
	static final int PARSE_ERROR = McpSchema.ErrorCodes.PARSE_ERROR;

	static final int INVALID_REQUEST = McpSchema.ErrorCodes.INVALID_REQUEST;

	static final String INTERNAL_ERROR = "The request could not be handled.";

	private final McpJsonMapper json;

	JsonRpcErrors(McpJsonMapper json) {
		this.json = json;
	}

	/**
	 * {@code {"jsonrpc": "2.0", "id": null, "error": {"code": code, "message":
	 * message}}}.
	 */
	static Map<String, Object> response(int code, String message) {
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("jsonrpc", McpSchema.JSONRPC_VERSION);
		response.put("id", null);
		response.put("error", Map.of("code", code, "message", message));
		return response;
	}

	private static Object replaced(Object value) {
		if (!(value instanceof McpError failure)) {
			return value;
		}
		JSONRPCError error = failure.getJsonRpcError();
		int code = error == null || error.code() == null ? McpSchema.ErrorCodes.INTERNAL_ERROR : error.code();
		String message = code == McpSchema.ErrorCodes.INTERNAL_ERROR || error.message() == null ? INTERNAL_ERROR
				: error.message();
		return response(code, message);
	}

	@Override
	public String writeValueAsString(Object value) throws IOException {
		return json.writeValueAsString(replaced(value));
	}

	@Override
	public byte[] writeValueAsBytes(Object value) throws IOException {
		return json.writeValueAsBytes(replaced(value));
	}

	@Override
	public <T> T readValue(String content, Class<T> type) throws IOException {
		return json.readValue(content, type);
	}

	@Override
	public <T> T readValue(byte[] content, Class<T> type) throws IOException {
		return json.readValue(content, type);
	}

	@Override
	public <T> T readValue(String content, TypeRef<T> type) throws IOException {
		return json.readValue(content, type);
	}

	@Override
	public <T> T readValue(byte[] content, TypeRef<T> type) throws IOException {
		return json.readValue(content, type);
	}

	@Override
	public <T> T convertValue(Object value, Class<T> type) {
		return json.convertValue(value, type);
	}

	@Override
	public <T> T convertValue(Object value, TypeRef<T> type) {
		return json.convertValue(value, type);
	}

}
