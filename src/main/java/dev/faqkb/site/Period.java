package dev.faqkb.site;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;

import dev.faqkb.system.BadRequestException;

/**
 * The periods the owner's reports cover, in whole days (UTC) ending today: the insights
 * and the open questions' CSV offer the same ones, chosen with the request parameter
 * {@code period} (the number of days).
 */
public enum Period {

	WEEK(7), MONTH(30), QUARTER(90);

	/** The period of a request that names none. */
	public static final Period DEFAULT = MONTH;

	private final int days;

	Period(int days) {
		this.days = days;
	}

	/** How many days the period has, today included. */
	public int days() {
		return days;
	}

	/**
	 * The first day of the period that ends on {@code lastDay} (inclusive),
	 * {@code days() - 1} days before it.
	 */
	public LocalDate firstDay(LocalDate lastDay) {
		return lastDay.minusDays(days - 1L);
	}

	/**
	 * The period a {@code period} request parameter names by its days ({@code "7"},
	 * {@code "30"}, {@code "90"}).
	 * @param parameter the parameter as sent; {@code null} or empty for {@link #DEFAULT}
	 * @throws BadRequestException (a 400) for any other value, with a message that lists
	 * the periods there are
	 */
	public static Period parse(String parameter) {
		if (parameter == null || parameter.isEmpty()) {
			return DEFAULT;
		}
		for (Period period : values()) {
			if (parameter.equals(String.valueOf(period.days))) {
				return period;
			}
		}
		throw new BadRequestException("period must be " + choices() + " (days)");
	}

	/** "7, 30 or 90". */
	private static String choices() {
		String all = Arrays.stream(values())
			.map(period -> String.valueOf(period.days))
			.collect(Collectors.joining(", "));
		int last = all.lastIndexOf(", ");
		return all.substring(0, last) + " or " + all.substring(last + 2);
	}

}
