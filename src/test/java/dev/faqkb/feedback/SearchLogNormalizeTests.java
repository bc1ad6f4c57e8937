package dev.faqkb.feedback;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchLogNormalizeTests {

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
	void shortNumbersStay() {
		assertThat(SearchLog.normalize("error 404 on python 3.12")).isEqualTo("error 404 on python 3.12");
	}

}
