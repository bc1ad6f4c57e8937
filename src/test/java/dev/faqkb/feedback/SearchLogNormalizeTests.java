package dev.faqkb.feedback;

import java.util.List;

import dev.faqkb.search.QueryBudget;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchLogNormalizeTests {

	/**
	 * A text that counts how often its characters are read, as a measure of the work done
	 * on it.
	 */
	private static final class CountingText implements CharSequence {

		private final String text;

		long reads;

		CountingText(String text) {
			this.text = text;
		}

		@Override
		public int length() {
			return text.length();
		}

		@Override
		public char charAt(int index) {
			reads++;
			return text.charAt(index);
		}

		@Override
		public CharSequence subSequence(int start, int end) {
			reads += end - start;
			return text.subSequence(start, end);
		}

		@Override
		public String toString() {
			reads += text.length();
			return text;
		}

	}

	@Test
	void queriesAreLowerCasedWithSingleSpaces() {
		assertThat(SearchLog.normalize("  Reset\t  PASSWORD \n")).isEqualTo("reset password");
	}

	@Test
	void emailAddressesAndLongNumbersAreNotLogged() {
		assertThat(SearchLog.normalize("refund for jane.doe@example.com card 4111 1111 1111 1111"))
			.isEqualTo("refund for [email] card [number]");
	}

	@Test
	void emailMaskingReadsEachCharacterAFewTimesWhateverTheText() {
		for (String text : List.of("@".repeat(256), "a@".repeat(128), "a@b.".repeat(64), "x".repeat(255) + "@",
				"@.".repeat(128), ("a".repeat(20) + "@" + "b.".repeat(10) + " ").repeat(8))) {
			CountingText counted = new CountingText(text);

			SearchLog.maskEmails(counted);

			assertThat(counted.reads).as("characters read to mask %s", text).isLessThanOrEqualTo(4L * text.length());
		}
	}

	@Test
	void aWordWithAnAtAndADotAfterItIsMaskedWhole() {
		assertThat(SearchLog.normalize("mail:jane.doe@example.com, or x@y.z")).isEqualTo("[email] or [email]");
		assertThat(SearchLog.normalize("@home a@b @. a@.b user@host.")).isEqualTo("@home a@b @. a@.b user@host.");
		assertThat(SearchLog.normalize("x@@y.z a@b..c")).isEqualTo("[email] [email]");
	}

	@Test
	void shortNumbersStay() {
		assertThat(SearchLog.normalize("error 404 on python 3.12")).isEqualTo("error 404 on python 3.12");
	}

	@Test
	void aQueryAsLongAsASearchMayBeIsLoggedWhole() {
		String longest = "a".repeat(QueryBudget.DEFAULT.maxChars() - 2) + "\uD83D\uDE00";

		assertThat(SearchLog.normalize(longest)).isEqualTo(longest);
	}

	@Test
	void aQueryMaskingMakesLongerThanASearchMayBeIsCutAsSearchCutsItNeverInsideACharacter() {
		int max = QueryBudget.DEFAULT.maxChars();
		// One character less than a search may have, two more once the address is masked:
		// the emoji is across the cut.
		String typed = "x@y.z " + "a".repeat(max - 9) + "\uD83D\uDE00";

		assertThat(typed).hasSize(max - 1);
		assertThat(SearchLog.normalize(typed)).isEqualTo("[email] " + "a".repeat(max - 9));
		assertThat(SearchLog.normalize("B".repeat(max + 44))).isEqualTo("b".repeat(max));
	}

}
