package dev.faqkb.system;

import java.text.Normalizer;
import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV (RFC 4180) for the owner's exports, which hold what visitors typed and are opened
 * in a spreadsheet: in text cells control characters are dropped and a cell that a
 * spreadsheet would run as a formula is prefixed with {@code '}. Other values (numbers,
 * dates) are written as they print, so a negative number keeps its sign.
 */
public final class Csv {

	/**
	 * What starts a formula in Excel, LibreOffice or Google Sheets; U+2212 is the minus
	 * sign some of them accept.
	 */
	private static final String FORMULA_SIGNS = "=+-@\u2212";

	private Csv() {
	}

	/**
	 * The rows, header first, as a CSV file: cells by {@link #cell}, each line ended by
	 * CRLF.
	 */
	public static String write(List<List<Object>> rows) {
		return rows.stream()
			.map(row -> row.stream().map(Csv::cell).collect(Collectors.joining(",")))
			.collect(Collectors.joining("\r\n", "", "\r\n"));
	}

	/** One cell, neutralised if it is text and quoted where RFC 4180 says so. */
	public static String cell(Object value) {
		String text = String.valueOf(value);
		if (value instanceof String) {
			text = PlainText.withoutControlCharacters(text);
			if (startsFormula(text)) {
				text = "'" + text;
			}
		}
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

	/**
	 * Whether a spreadsheet could read {@code text} as a formula: a tab, or a formula
	 * sign after any leading spaces (no-break and ideographic ones too, which
	 * spreadsheets also skip). NFKC folds the fullwidth and small forms
	 * ({@code ＝ ＋ － ＠ ﹦}) that spreadsheets in East Asian locales accept, into the ASCII
	 * signs.
	 */
	private static boolean startsFormula(String text) {
		if (text.startsWith("\t")) {
			return true;
		}
		int i = 0;
		while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || Character.isSpaceChar(text.charAt(i)))) {
			i++;
		}
		if (i == text.length()) {
			return false;
		}
		String first = Normalizer.normalize(text.substring(i, text.offsetByCodePoints(i, 1)), Normalizer.Form.NFKC);
		return !first.isEmpty() && FORMULA_SIGNS.indexOf(first.charAt(0)) >= 0;
	}

}
