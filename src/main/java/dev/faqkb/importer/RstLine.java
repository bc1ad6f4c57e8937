package dev.faqkb.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of a reStructuredText source: its 1-based number and its text, tabs expanded
 * and trailing whitespace removed. Helpers for the indented blocks the syntax is made of.
 */
record RstLine(int number, String text) {

	boolean blank() {
		return text.isBlank();
	}

	int indent() {
		int i = 0;
		while (i < text.length() && text.charAt(i) == ' ') {
			i++;
		}
		return i;
	}

	/**
	 * The text's lines, numbered from 1, tabs expanded to every 8th column as
	 * reStructuredText does.
	 */
	static List<RstLine> split(String text) {
		String[] raw = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
		List<RstLine> lines = new ArrayList<>(raw.length);
		for (int i = 0; i < raw.length; i++) {
			lines.add(new RstLine(i + 1, expandTabs(raw[i]).stripTrailing()));
		}
		return lines;
	}

	private static String expandTabs(String line) {
		if (line.indexOf('\t') < 0) {
			return line;
		}
		StringBuilder out = new StringBuilder();
		for (char c : line.toCharArray()) {
			if (c == '\t') {
				do {
					out.append(' ');
				}
				while (out.length() % 8 != 0);
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	/**
	 * The index after the indented block starting at {@code from}: blank lines and lines
	 * indented past column 0.
	 */
	static int indentedEnd(List<RstLine> lines, int from) {
		int end = from;
		while (end < lines.size() && (lines.get(end).blank() || lines.get(end).indent() > 0)) {
			end++;
		}
		return end;
	}

	/** The lines without blank lines at either end. */
	static List<RstLine> trim(List<RstLine> lines) {
		int from = 0;
		int to = lines.size();
		while (from < to && lines.get(from).blank()) {
			from++;
		}
		while (to > from && lines.get(to - 1).blank()) {
			to--;
		}
		return lines.subList(from, to);
	}

	/** The lines with their common indentation removed (blank lines become empty). */
	static List<RstLine> dedent(List<RstLine> lines) {
		int common = lines.stream().filter(line -> !line.blank()).mapToInt(RstLine::indent).min().orElse(0);
		return lines.stream()
			.map(line -> new RstLine(line.number(), line.blank() ? "" : line.text().substring(common)))
			.toList();
	}

}
