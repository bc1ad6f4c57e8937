package dev.faqkb.integrations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OpenAPI 3.1 description of the public JSON API: {@code openapi/faqkb.yaml}, written
 * by hand so that it says what a client needs to know (what {@code snippet} may contain,
 * what a 403 means), and checked against the real responses by the tests. Served as JSON
 * at {@code /v3/api-docs}, where tools look for it, and as written at
 * {@code /v3/api-docs.yaml}; both read once.
 */
@RestController
class OpenApiController {

	static final String LOCATION = "openapi/faqkb.yaml";

	private final String yaml;

	private final String json;

	OpenApiController(JsonMapper jsonMapper) {
		try (InputStream in = new ClassPathResource(LOCATION).getInputStream()) {
			this.yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + LOCATION, ex);
		}
		Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
		this.json = jsonMapper.writeValueAsString(document);
	}

	@GetMapping(path = "/v3/api-docs", produces = MediaType.APPLICATION_JSON_VALUE)
	String json() {
		return json;
	}

	@GetMapping(path = "/v3/api-docs.yaml")
	ResponseEntity<String> yaml() {
		return ResponseEntity.ok().contentType(new MediaType("application", "yaml", StandardCharsets.UTF_8)).body(yaml);
	}

}
