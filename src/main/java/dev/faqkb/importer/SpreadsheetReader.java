package dev.faqkb.importer;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.faqkb.content.Slugs;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.parser.Tag;

/**
 * A spreadsheet export, CSV or TSV, with one question a row: the columns
 * {@code category}, {@code question} and {@code answer}, optionally {@code id} and
 * {@code section}, named in the first row in any order and any case. Rows give one
 * category file per category, its questions in row order, grouped by section in the order
 * sections first appear. An answer that starts with an HTML tag is HTML (converted as a
 * web page's), any other is Markdown.
 */
final class SpreadsheetReader {

	private static final List<String> REQUIRED = List.of("category", "question", "answer");

	private static final List<String> COLUMNS = List.of("category", "question", "answer", "id", "section");

	private static final Pattern STARTS_WITH_TAG = Pattern.compile("^\\s*<([a-zA-Z][a-zA-Z0-9]*)[\\s/>]");

	private final String source;

	private final boolean tabs;

	private final String baseUrl;

	private final List<Problem> problems;

	/**
	 * @param tabs whether the columns are separated by tabs (TSV) rather than commas
	 * @param baseUrl what relative links and images in HTML answers are resolved against,
	 * or {@code null}
	 */
	SpreadsheetReader(String source, boolean tabs, String baseUrl, List<Problem> problems) {
		this.source = source;
		this.tabs = tabs;
		this.baseUrl = baseUrl;
		this.problems = problems;
	}

	/**
	 * @throws SourceException when the rows cannot be read, or a required column is
	 * missing
	 */
	List<ImportedCategory> read(String text) {
		// Quoted cells may hold tabs, commas and line breaks, as spreadsheets export
		// them.
		CSVFormat format = (tabs ? CSVFormat.TDF : CSVFormat.RFC4180).builder()
			.setIgnoreEmptyLines(true)
			.setIgnoreSurroundingSpaces(false)
			.setTrim(false)
			.get();
		int[] lineStarts = lineStarts(text);
		Map<String, CategoryRows> categories = new LinkedHashMap<>();
		try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
			Map<String, Integer> columns = null;
			for (CSVRecord record : parser) {
				int line = line(lineStarts, record.getCharacterPosition());
				if (columns == null) {
					columns = header(record, line);
					continue;
				}
				row(record, line, columns, categories);
			}
			if (columns == null) {
				throw new SourceException(0,
						"empty: the first row must name the columns category, question and answer");
			}
		}
		catch (IOException ex) {
			throw new SourceException(0, "cannot read: " + ex.getMessage(), ex);
		}
		catch (UncheckedIOException | IllegalStateException ex) {
			// Commons CSV's message names the line where a quoted cell does not end.
			throw new SourceException(0, "not valid " + (tabs ? "TSV" : "CSV") + ": " + ex.getMessage(), ex);
		}
		return categories.values().stream().map(CategoryRows::category).toList();
	}

	/** Column name to index, from the first row. */
	private Map<String, Integer> header(CSVRecord record, int line) {
		Map<String, Integer> columns = new LinkedHashMap<>();
		List<String> ignored = new ArrayList<>();
		for (int i = 0; i < record.size(); i++) {
			String name = record.get(i).strip().toLowerCase(Locale.ROOT);
			if (!COLUMNS.contains(name)) {
				if (!name.isEmpty()) {
					ignored.add(record.get(i).strip());
				}
				continue;
			}
			if (columns.putIfAbsent(name, i) != null) {
				throw new SourceException(line, "the column '" + name + "' is named twice");
			}
		}
		List<String> missing = REQUIRED.stream().filter(name -> !columns.containsKey(name)).toList();
		if (!missing.isEmpty()) {
			throw new SourceException(line, "missing column(s) " + String.join(", ", missing)
					+ ": the first row must name the columns category, question and answer (optionally id and section), "
					+ "in any order; it has " + String.join(", ", record.toList()));
		}
		if (!ignored.isEmpty()) {
			problems.add(new Problem(source, line, "column(s) " + String.join(", ", ignored) + " not imported (known: "
					+ String.join(", ", COLUMNS) + ")"));
		}
		return columns;
	}

	private void row(CSVRecord record, int line, Map<String, Integer> columns, Map<String, CategoryRows> categories) {
		String category = Markdown.collapse(cell(record, columns, "category"));
		String question = Markdown.collapse(cell(record, columns, "question"));
		String answer = cell(record, columns, "answer").replace("\r\n", "\n").strip();
		if (category.isEmpty() || question.isEmpty() || answer.isEmpty()) {
			String empty = category.isEmpty() ? "category" : question.isEmpty() ? "question" : "answer";
			problems.add(new Problem(source, line, "row with an empty " + empty + ": left out"));
			return;
		}
		String categoryId = Slugs.slug(category);
		if (!Slugs.isValidId(categoryId)) {
			problems.add(new Problem(source, line, "the category '" + category
					+ "' gives no usable file name (letters, digits, '-' and '_'): row left out"));
			return;
		}
		String id = cell(record, columns, "id").strip();
		String section = Markdown.collapse(cell(record, columns, "section"));
		Matcher tag = STARTS_WITH_TAG.matcher(answer);
		if (tag.find() && Tag.isKnownTag(tag.group(1).toLowerCase(Locale.ROOT))) {
			answer = HtmlToMarkdown.convert(answer, baseUrl, source, line, "the answer to '" + question + "'",
					problems);
		}
		categories.computeIfAbsent(categoryId, key -> new CategoryRows(key, category))
			.add(section.isEmpty() ? null : section, new ImportedCategory.Question(Markdown.text(question), question,
					id.isEmpty() ? null : id, answer, line));
	}

	private static String cell(CSVRecord record, Map<String, Integer> columns, String name) {
		Integer index = columns.get(name);
		return index != null && index < record.size() ? record.get(index) : "";
	}

	/**
	 * The offset where each line starts, to turn Commons CSV's character positions into
	 * lines.
	 */
	private static int[] lineStarts(String text) {
		List<Integer> starts = new ArrayList<>(List.of(0));
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == '\n') {
				starts.add(i + 1);
			}
		}
		return starts.stream().mapToInt(Integer::intValue).toArray();
	}

	private static int line(int[] lineStarts, long position) {
		int found = Arrays.binarySearch(lineStarts, (int) position);
		return (found >= 0 ? found : -found - 2) + 1;
	}

	/** The rows of one category, by section. */
	private final class CategoryRows {

		final String id;

		final String title;

		final Map<String, List<ImportedCategory.Question>> sections = new LinkedHashMap<>();

		CategoryRows(String id, String title) {
			this.id = id;
			this.title = title;
			sections.put(null, new ArrayList<>());
		}

		void add(String section, ImportedCategory.Question question) {
			sections.computeIfAbsent(section, key -> new ArrayList<>()).add(question);
		}

		ImportedCategory category() {
			List<ImportedCategory.Section> built = new ArrayList<>();
			sections.forEach((title, questions) -> {
				if (title != null || !questions.isEmpty()) {
					built.add(new ImportedCategory.Section(title == null ? null : Markdown.text(title), "", questions));
				}
			});
			return new ImportedCategory(id, title, "", "", built, source);
		}

	}

}
