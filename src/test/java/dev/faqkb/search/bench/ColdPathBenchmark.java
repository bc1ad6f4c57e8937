package dev.faqkb.search.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.faqkb.content.Catalog;
import dev.faqkb.content.ContentLoader;
import dev.faqkb.content.MarkdownRenderer;
import dev.faqkb.content.Question;
import dev.faqkb.search.SearchIndex;
import dev.faqkb.search.semantic.SemanticFixture;

/**
 * The engine's side of {@code bench/cold.sh}: writes the never-repeating queries and
 * prefixes the HTTP benchmark sends (drawn from the words of the content, common words as
 * often as in the content), then measures {@link SearchIndex#search} and
 * {@link SearchIndex#suggest} in process over the same kind of queries, on as many
 * threads as the HTTP benchmark's wrk, and one thread after another (one reader). Each
 * query is asked once. Run by {@code bench/cold.sh}; by hand:
 * {@code BENCH_COLD_DIR=/tmp/cold ./mvnw -Pbench test-compile exec:exec
 * -Dbench.main=dev.faqkb.search.bench.ColdPathBenchmark -Dbench.questions=0}, with
 * {@code BENCH_COLD_CONTENT} (default the Python FAQ), {@code BENCH_COLD_SECONDS} (per
 * measure, default 10) and {@code BENCH_COLD_SEMANTIC} (default true, as the
 * application).
 */
public final class ColdPathBenchmark {

	/** Queries and prefixes written for each of the measuring and warming halves. */
	static final int PER_HALF = 200_000;

	private static final Pattern WORD = Pattern.compile("\\p{L}{3,}");

	private ColdPathBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(env("BENCH_COLD_DIR", System.getProperty("java.io.tmpdir") + "/faqkb-cold"));
		Path content = Path.of(env("BENCH_COLD_CONTENT", "../shared/corpora/python-faq"));
		int seconds = Integer.parseInt(env("BENCH_COLD_SECONDS", "10"));
		int threads = Integer.parseInt(env("BENCH_COLD_THREADS", "2"));
		boolean semantic = Boolean.parseBoolean(env("BENCH_COLD_SEMANTIC", "true"));
		Files.createDirectories(dir);
		Catalog catalog = new ContentLoader(new MarkdownRenderer(), false).load(content);
		List<String> words = words(catalog);
		Random random = new Random(SearchBenchmark.SEED);
		// the measured half first, then the half the warm-ups use: no query of one is in
		// the other
		List<String> queries = distinct(2 * PER_HALF, () -> query(words, random));
		List<String> prefixes = distinct(2 * PER_HALF, () -> prefix(words, random));
		write(dir.resolve("queries.txt"), queries.subList(0, PER_HALF));
		write(dir.resolve("warm-queries.txt"), queries.subList(PER_HALF, queries.size()));
		write(dir.resolve("prefixes.txt"), prefixes.subList(0, PER_HALF));
		write(dir.resolve("warm-prefixes.txt"), prefixes.subList(PER_HALF, prefixes.size()));

		if (!Boolean.parseBoolean(env("BENCH_COLD_MEASURE", "true"))) {
			return;
		}
		SearchIndex index = new SearchIndex(catalog);
		if (semantic) {
			SemanticFixture.withVectors(index, catalog);
		}
		List<String> warm = queries.subList(PER_HALF, queries.size());
		List<String> warmPrefixes = prefixes.subList(PER_HALF, prefixes.size());
		// the JIT first, on queries of the other half
		measure(warm.subList(0, 40_000), threads, seconds, query -> index.search(query, null, 0, 10));
		measure(warmPrefixes.subList(0, 100_000), threads, seconds / 2, prefix -> index.suggest(prefix, 8));

		List<String> measured = queries.subList(0, PER_HALF);
		report("search", measure(measured, threads, seconds, query -> index.search(query, null, 0, 10)));
		report("search-one", measure(measured.subList(PER_HALF / 2, PER_HALF), 1, seconds,
				query -> index.search(query, null, 0, 10)));
		report("suggest", measure(prefixes.subList(0, PER_HALF), threads, seconds, prefix -> index.suggest(prefix, 8)));
		if (semantic) {
			// the same without the model: what the query's embedding costs
			SearchIndex byWords = new SearchIndex(catalog);
			measure(warm.subList(40_000, 80_000), threads, seconds / 2, query -> byWords.search(query, null, 0, 10));
			report("search-words", measure(queries.subList(PER_HALF / 4, PER_HALF), threads, seconds,
					query -> byWords.search(query, null, 0, 10)));
			byWords.close();
		}
		System.out.printf(Locale.ROOT, "ENGINE questions %d semantic %s threads %d%n", catalog.questions().size(),
				semantic, threads);
		index.close();
	}

	private static String env(String name, String otherwise) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? otherwise : value;
	}

	/**
	 * Every word of 3 letters or more of the questions and answers, as often as it
	 * occurs.
	 */
	static List<String> words(Catalog catalog) {
		List<String> words = new ArrayList<>();
		for (Question question : catalog.questions()) {
			Matcher matcher = WORD.matcher(question.text() + " " + question.answerText());
			while (matcher.find()) {
				words.add(matcher.group().toLowerCase(Locale.ROOT));
			}
		}
		return words;
	}

	/** One to three words of the content. */
	private static String query(List<String> words, Random random) {
		int count = 1 + random.nextInt(3);
		StringBuilder query = new StringBuilder();
		for (int i = 0; i < count; i++) {
			query.append(i == 0 ? "" : " ").append(words.get(random.nextInt(words.size())));
		}
		return query.toString();
	}

	/** What a search box sends on a keystroke: words, the last one unfinished. */
	private static String prefix(List<String> words, Random random) {
		String query = query(words, random);
		int lastWord = query.lastIndexOf(' ') + 1;
		int typed = 1 + random.nextInt(query.length() - lastWord);
		return query.substring(0, lastWord + typed);
	}

	private static List<String> distinct(int count, java.util.function.Supplier<String> next) {
		Set<String> seen = new LinkedHashSet<>();
		for (int tries = 0; seen.size() < count && tries < 50 * count; tries++) {
			seen.add(next.get());
		}
		return new ArrayList<>(seen);
	}

	/** One query a line, URL-encoded (as wrk's script sends it). */
	private static void write(Path file, List<String> lines) throws Exception {
		List<String> encoded = new ArrayList<>(lines.size());
		for (String line : lines) {
			encoded.add(URLEncoder.encode(line, StandardCharsets.UTF_8));
		}
		Files.write(file, encoded);
	}

	/**
	 * Calls {@code call} with each query once, in order, on {@code threads} threads,
	 * until {@code seconds} have passed or the queries run out.
	 * @return the latency of each call in nanoseconds, then the elapsed time last
	 */
	private static long[] measure(List<String> queries, int threads, int seconds, Consumer<String> call)
			throws InterruptedException {
		AtomicInteger next = new AtomicInteger();
		long[] nanos = new long[queries.size()];
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		long start = System.nanoTime();
		List<Thread> running = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			Thread thread = new Thread(() -> {
				for (int i = next.getAndIncrement(); i < nanos.length
						&& System.nanoTime() < end; i = next.getAndIncrement()) {
					long began = System.nanoTime();
					call.accept(queries.get(i));
					nanos[i] = System.nanoTime() - began;
				}
			});
			thread.start();
			running.add(thread);
		}
		for (Thread thread : running) {
			thread.join();
		}
		long elapsed = System.nanoTime() - start;
		long[] done = Arrays.stream(nanos).filter(n -> n > 0).toArray();
		long[] result = Arrays.copyOf(done, done.length + 1);
		result[done.length] = elapsed;
		return result;
	}

	/** {@code ENGINE name per-second p50-ms p99-ms count}, one line for bench/cold.sh. */
	private static void report(String name, long[] measured) {
		long elapsed = measured[measured.length - 1];
		long[] sorted = Arrays.copyOf(measured, measured.length - 1);
		Arrays.sort(sorted);
		System.out.printf(Locale.ROOT, "ENGINE %s %.0f %.3f %.3f %d%n", name, sorted.length / (elapsed / 1e9),
				sorted[sorted.length / 2] / 1e6, sorted[(int) Math.min(sorted.length - 1, sorted.length * 0.99)] / 1e6,
				sorted.length);
	}

}
