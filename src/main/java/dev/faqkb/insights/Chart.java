package dev.faqkb.insights;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.faqkb.insights.Insights.DayCount;

/**
 * Coordinates for the server-rendered SVG line chart of searches and votes per day; the
 * template draws it.
 *
 * @param searches {@code points} of the searches polyline
 * @param votes {@code points} of the votes polyline
 * @param max the value at the top of the chart
 * @param top y of the top line, where {@code max} is
 * @param bottom y of the zero line
 * @param right x of the last day
 */
record Chart(int width, int height, String searches, String votes, long max, String firstDay, String lastDay, int top,
		int bottom, int right) {

	static final int WIDTH = 640;

	static final int HEIGHT = 180;

	private static final int PAD = 24;

	static Chart of(List<DayCount> days) {
		long max = Math.max(1, days.stream().mapToLong(d -> Math.max(d.searches(), d.votes())).max().orElse(1));
		return new Chart(WIDTH, HEIGHT, points(days, max, true), points(days, max, false), max,
				days.isEmpty() ? "" : days.get(0).day().toString(),
				days.isEmpty() ? "" : days.get(days.size() - 1).day().toString(), PAD, HEIGHT - PAD, WIDTH - PAD);
	}

	private static String points(List<DayCount> days, long max, boolean searches) {
		double step = days.size() > 1 ? (double) (WIDTH - 2 * PAD) / (days.size() - 1) : 0;
		return IntStream.range(0, days.size()).mapToObj(i -> {
			long value = searches ? days.get(i).searches() : days.get(i).votes();
			double x = PAD + i * step;
			double y = HEIGHT - PAD - (double) value * (HEIGHT - 2 * PAD) / max;
			return String.format(Locale.ROOT, "%.1f,%.1f", x, y);
		}).collect(Collectors.joining(" "));
	}

}
