package dev.faqkb.system;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * A CSV cell holds what a visitor typed (a search, a comment), opened in a spreadsheet by
 * the site owner: nothing in it may start a formula, and no control character may reach
 * the file.
 */
class CsvCellTests {

	static Stream<Arguments> formulas() {
		return Stream.of(arguments("=1+2", "'=1+2"), arguments("+1", "'+1"), arguments("-1", "'-1"),
				arguments("@SUM(A1)", "'@SUM(A1)"), arguments("\t=1", "'\t=1"),
				// Fullwidth and small forms, which spreadsheets in East Asian locales
				// read as the ASCII signs.
				arguments("\uFF1D1+2", "'\uFF1D1+2"), arguments("\uFF0B1", "'\uFF0B1"),
				arguments("\uFF0D1", "'\uFF0D1"), arguments("\uFF20SUM(A1)", "'\uFF20SUM(A1)"),
				arguments("\uFE661", "'\uFE661"), arguments("\u22121", "'\u22121"),
				// Spreadsheets skip leading spaces, including no-break and ideographic
				// ones, before reading a formula.
				arguments("  =1", "'  =1"), arguments("\u00A0=HYPERLINK(\"x\")", "\"'\u00A0=HYPERLINK(\"\"x\"\")\""),
				arguments("\u3000+1", "'\u3000+1"), arguments("\u2007\u202F-1", "'\u2007\u202F-1"));
	}

	@ParameterizedTest
	@MethodSource("formulas")
	void cellsThatASpreadsheetWouldRunAsAFormulaStartWithAQuote(String typed, String cell) {
		assertThat(Csv.cell(typed)).isEqualTo(cell);
	}

	static Stream<Arguments> plainText() {
		return Stream.of(arguments("reset password", "reset password"), arguments("a=b", "a=b"),
				arguments("  spaces", "  spaces"), arguments("a,b", "\"a,b\""),
				arguments("say \"hi\"", "\"say \"\"hi\"\"\""));
	}

	@ParameterizedTest
	@MethodSource("plainText")
	void otherCellsAreWrittenAsTypedAndQuotedWhereRfc4180SaysSo(String typed, String cell) {
		assertThat(Csv.cell(typed)).isEqualTo(cell);
	}

	static Stream<Arguments> controlCharacters() {
		return Stream.of(arguments("a\u0000b", "ab"), arguments("\u001B[31mred", "[31mred"),
				arguments("a\u0007b\u007Fc\u0085", "abc"), arguments("\r=1", "'=1"), arguments("\u0000=1", "'=1"),
				arguments("first\nsecond", "\"first\nsecond\""), arguments("first\r\nsecond", "\"first\nsecond\""));
	}

	@ParameterizedTest
	@MethodSource("controlCharacters")
	void controlCharactersAreRemovedButLineBreaksKept(String typed, String cell) {
		assertThat(Csv.cell(typed)).isEqualTo(cell);
	}

	@Test
	void numbersAreNotTextAndKeepTheirSign() {
		assertThat(Csv.cell(-3L)).isEqualTo("-3");
	}

}
