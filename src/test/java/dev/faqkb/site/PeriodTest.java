package dev.faqkb.site;

import java.time.LocalDate;

import dev.faqkb.system.BadRequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeriodTest {

	@Test
	void aPeriodIsNamedByItsDaysAndAMissingOneIsAMonth() {
		assertThat(Period.parse("7")).isEqualTo(Period.WEEK);
		assertThat(Period.parse("30")).isEqualTo(Period.MONTH);
		assertThat(Period.parse("90")).isEqualTo(Period.QUARTER);
		assertThat(Period.parse(null)).isEqualTo(Period.MONTH);
		assertThat(Period.parse("")).isEqualTo(Period.MONTH);
	}

	@Test
	void anyOtherValueIsABadRequestThatListsThePeriods() {
		for (String wrong : new String[] { "14", "07", " 7", "7d", "week", "-30", "9999999999" }) {
			assertThatThrownBy(() -> Period.parse(wrong)).as(wrong)
				.isInstanceOf(BadRequestException.class)
				.hasMessage("period must be 7, 30 or 90 (days)");
		}
	}

	@Test
	void aPeriodEndsOnItsLastDayAndCountsIt() {
		LocalDate today = LocalDate.of(2026, 3, 1);

		assertThat(Period.WEEK.firstDay(today)).isEqualTo(LocalDate.of(2026, 2, 23));
		assertThat(Period.MONTH.firstDay(today)).isEqualTo(LocalDate.of(2026, 1, 31));
	}

}
