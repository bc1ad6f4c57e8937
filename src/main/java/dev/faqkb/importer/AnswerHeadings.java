package dev.faqkb.importer;

import java.util.ArrayList;
import java.util.List;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;

/**
 * Keeps an answer (or an intro) from starting sections and questions: in a category file
 * {@code #} and {@code ##} headings start them, so an answer whose Markdown has such
 * headings (an {@code
 *
<h2>} of a web page, a Markdown cell of a spreadsheet) gets all its headings moved down
 * until the highest is {@code ###}. Thread-safe.
 */
final class AnswerHeadings {

	// Flexmark's core parser, the one the content loader's reading of headings rests on;
	// headings only.
	private static final Parser PARSER = Parser.builder(new MutableDataSet()).build();

	private AnswerHeadings() {
	}

	static String demote(String markdown) {
		List<Heading> headings = new ArrayList<>();
		for (Node node : PARSER.parse(markdown).getChildren()) {
			if (node instanceof Heading heading) {
				headings.add(heading);
			}
		}
		int highest = headings.stream().mapToInt(Heading::getLevel).min().orElse(3);
		if (highest >= 3) {
			return markdown;
		}
		int shift = 3 - highest;
		StringBuilder out = new StringBuilder();
		int copied = 0;
		for (Heading heading : headings) {
			out.append(markdown, copied, heading.getStartOffset());
			String text = heading.getText().toString().strip().replaceAll("\\s*\\n\\s*", " ");
			out.append("#".repeat(Math.min(6, heading.getLevel() + shift))).append(' ').append(text);
			copied = heading.getEndOffset();
			// An ATX heading's end leaves its line break; a setext heading's includes its
			// underline's.
			if (heading.isSetextHeading() && copied > 0 && markdown.charAt(copied - 1) == '\n') {
				out.append('\n');
			}
		}
		return out.append(markdown.substring(copied)).toString();
	}

}
