package dev.faqkb.content;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A flat YAML mapping (front matter, {@code site.yml}) whose values are read with their
 * line numbers, so that every mistake is reported as {@code path:line: message}. Problems
 * are added to the error list given at parse time; the getters then return the fallback.
 */
final class YamlMapping {

	private final Path file;

	private final int lineOffset;

	private final List<ContentError> errors;

	private final Map<String, Node> values = new LinkedHashMap<>();

	private boolean valid = true;

	private YamlMapping(Path file, int lineOffset, List<ContentError> errors) {
		this.file = file;
		this.lineOffset = lineOffset;
		this.errors = errors;
	}

	/**
	 * @param lineOffset the file line of the first line of {@code yaml}, minus one
	 * @param keys the keys allowed; any other key is an error (it is usually a typo)
	 */
	static YamlMapping parse(String yaml, Path file, int lineOffset, Set<String> keys, List<ContentError> errors) {
		YamlMapping mapping = new YamlMapping(file, lineOffset, errors);
		Node root;
		try {
			root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(yaml));
		}
		catch (MarkedYAMLException ex) {
			int line = ex.getProblemMark() != null ? ex.getProblemMark().getLine() + 1 + lineOffset : lineOffset + 1;
			errors.add(new ContentError(file, line, "invalid YAML: " + ex.getProblem()));
			mapping.valid = false;
			return mapping;
		}
		catch (YAMLException ex) {
			errors.add(new ContentError(file, lineOffset + 1, "invalid YAML: " + ex.getMessage()));
			mapping.valid = false;
			return mapping;
		}
		if (root == null) {
			return mapping;
		}
		if (!(root instanceof MappingNode map)) {
			errors.add(new ContentError(file, mapping.line(root), "expected 'key: value' lines"));
			mapping.valid = false;
			return mapping;
		}
		for (NodeTuple tuple : map.getValue()) {
			if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
				errors.add(new ContentError(file, mapping.line(tuple.getKeyNode()), "expected a plain key"));
				continue;
			}
			if (!keys.contains(key.getValue())) {
				errors.add(new ContentError(file, mapping.line(key),
						"unknown key '" + key.getValue() + "' (allowed: " + String.join(", ", keys) + ")"));
				continue;
			}
			if (mapping.values.containsKey(key.getValue())) {
				errors.add(new ContentError(file, mapping.line(key), "key '" + key.getValue() + "' given twice"));
				continue;
			}
			mapping.values.put(key.getValue(), tuple.getValueNode());
		}
		return mapping;
	}

	/** Whether the text was a YAML mapping; when not, the error is already reported. */
	boolean valid() {
		return valid;
	}

	boolean has(String key) {
		return values.containsKey(key);
	}

	/**
	 * The file line of {@code key}'s value, or of the start of the mapping when absent.
	 */
	int line(String key) {
		Node node = values.get(key);
		return node != null ? line(node) : lineOffset + 1;
	}

	int line(Node node) {
		return node.getStartMark().getLine() + 1 + lineOffset;
	}

	String string(String key, String fallback) {
		Node node = values.get(key);
		if (node == null) {
			return fallback;
		}
		if (!(node instanceof ScalarNode scalar) || scalar.getTag().equals(Tag.NULL)) {
			errors.add(new ContentError(file, line(node), "'" + key + "' must be text"));
			return fallback;
		}
		return scalar.getValue().strip();
	}

	Integer integer(String key, Integer fallback) {
		Node node = values.get(key);
		if (node == null) {
			return fallback;
		}
		if (node instanceof ScalarNode scalar && scalar.getValue().strip().matches("[+-]?\\d{1,9}")) {
			return Integer.valueOf(scalar.getValue().strip());
		}
		errors.add(new ContentError(file, line(node), "'" + key + "' must be a whole number"));
		return fallback;
	}

	boolean bool(String key, boolean fallback) {
		Node node = values.get(key);
		if (node == null) {
			return fallback;
		}
		if (node instanceof ScalarNode scalar && scalar.getValue().strip().matches("(?i)true|false")) {
			return Boolean.parseBoolean(scalar.getValue().strip());
		}
		errors.add(new ContentError(file, line(node), "'" + key + "' must be true or false"));
		return fallback;
	}

	/** A nested mapping of text to text, with the line of each entry. */
	Map<String, Entry> stringMap(String key) {
		Node node = values.get(key);
		Map<String, Entry> result = new LinkedHashMap<>();
		if (node == null) {
			return result;
		}
		if (!(node instanceof MappingNode map)) {
			errors.add(new ContentError(file, line(node), "'" + key + "' must be 'name: value' lines"));
			return result;
		}
		for (NodeTuple tuple : map.getValue()) {
			if (tuple.getKeyNode() instanceof ScalarNode name && tuple.getValueNode() instanceof ScalarNode value
					&& !value.getTag().equals(Tag.NULL)) {
				result.put(name.getValue().strip(), new Entry(value.getValue().strip(), line(name)));
			}
			else {
				errors.add(new ContentError(file, line(tuple.getKeyNode()),
						"each entry of '" + key + "' must be 'name: value'"));
			}
		}
		return result;
	}

	record Entry(String value, int line) {
	}

}
