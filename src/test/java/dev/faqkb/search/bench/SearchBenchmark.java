package dev.faqkb.search.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;

import dev.faqkb.content.Catalog;
import dev.faqkb.content.Question;
import dev.faqkb.search.SearchIndex;

/**
 * Builds the index of a synthetic catalog (default 100,000 questions) and reports build
 * time, heap after the build, and search and suggest latency over a fixed query mix. A
 * benchmark, not a test: run it with {@code ./mvnw -Pbench test-compile exec:exec} (see
 * bench/README.md); {@code -Dbench.semantic=true} measures search by meaning instead
 * ({@link SemanticBenchmark}).
 */
public final class SearchBenchmark {

	static final long SEED = 20_260_325L;

	private SearchBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int questions = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		Path corpus = Path.of(args.length > 1 ? args[1] : "../shared/corpora/python-faq");
		if (!Files.isDirectory(corpus)) {
			System.err.println(
					"No corpus at " + corpus.toAbsolutePath() + ": the benchmark draws its words from the Python FAQ.");
			System.exit(2);
		}
		if (Boolean.getBoolean("bench.semantic")) {
			SemanticBenchmark.main(questions, corpus);
			return;
		}
		SyntheticCorpus source = new SyntheticCorpus(corpus);
		Catalog catalog = source.catalog(questions, SEED);
		long heapCatalog = usedHeap();

		long start = System.nanoTime();
		SearchIndex index = new SearchIndex(catalog);
		long buildMillis = (System.nanoTime() - start) / 1_000_000;
		long heapAll = usedHeap();

		Random random = new Random(SEED + 1);
		List<String> searches = searchMix(source, catalog, random, 3_000);
		List<String> suggests = suggestMix(catalog, random, 10_000);

		// warm-up: let the JIT compile the hot paths before measuring
		run(searches.subList(0, 1_000), query -> index.search(query, null, 0, 10));
		run(suggests.subList(0, 3_000), query -> index.suggest(query, 8));

		long[] search = run(searches, query -> index.search(query, null, 0, 10));
		long[] suggest = run(suggests, query -> index.suggest(query, 8));

		System.out.printf(Locale.ROOT, "questions            %,d%n", catalog.questions().size());
		System.out.printf(Locale.ROOT, "machine              %d cores, Java %s, max heap %d MB%n",
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
				Runtime.getRuntime().maxMemory() / (1024 * 1024));
		System.out.printf(Locale.ROOT, "index build          %,d ms%n", buildMillis);
		System.out.printf(Locale.ROOT,
				"heap after build     %,d MB (catalog alone %,d MB, so the index about %,d MB)%n", heapAll, heapCatalog,
				heapAll - heapCatalog);
		report("search (top 10, snippets, facets, did-you-mean)", search);
		report("suggest (8)", suggest);
		if (Boolean.getBoolean("bench.slowest")) {
			Integer[] order = new Integer[suggest.length];
			for (int i = 0; i < order.length; i++) {
				order[i] = i;
			}
			Arrays.sort(order, (a, b) -> Long.compare(suggest[b], suggest[a]));
			for (int i = 0; i < 20; i++) {
				System.out.printf(Locale.ROOT, "  slow suggest %6.2f ms  '%s'%n", suggest[order[i]] / 1e6,
						suggests.get(order[i]));
			}
		}
		if (Boolean.getBoolean("bench.kinds")) {
			String[] kinds = { "one word", "one word", "keywords", "keywords", "keywords", "natural", "natural", "typo",
					"faq heading", "unfinished word" };
			for (int kind = 0; kind < 10; kind++) {
				List<Long> part = new ArrayList<>();
				for (int i = kind; i < search.length; i += 10) {
					part.add(search[i]);
				}
				report("  search: " + kind + " " + kinds[kind], part.stream().mapToLong(Long::longValue).toArray());
			}
		}
		index.close();
	}

	static List<String> searchMix(SyntheticCorpus source, Catalog catalog, Random random, int count) {
		List<Question> all = catalog.questions();
		List<String> queries = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int kind = i % 10;
			String query = switch (kind) {
				// one word
				case 0, 1 -> SyntheticCorpus.pick(random, source.questionWords);
				// keywords
				case 2, 3,
						4 ->
					SyntheticCorpus.pick(random, source.questionWords) + " "
							+ SyntheticCorpus.pick(random, source.questionWords) + " "
							+ SyntheticCorpus.pick(random, source.answerWords);
				// a natural question close to an existing one
				case 5, 6 -> all.get(random.nextInt(all.size())).text().replaceFirst("\\?$", "") + " "
						+ SyntheticCorpus.pick(random, source.answerWords);
				// a typo
				case 7 -> typo(SyntheticCorpus.pick(random, source.questionWords), random) + " "
						+ SyntheticCorpus.pick(random, source.questionWords);
				// a heading of the real FAQ, as people would type it
				case 8 -> SyntheticCorpus.pick(random, source.headings);
				// a word of an answer, typed while unfinished
				default -> {
					String word = SyntheticCorpus.pick(random, source.answerWords);
					yield word.length() > 4 ? word.substring(0, word.length() - 2) : word;
				}
			};
			queries.add(query.length() > 256 ? query.substring(0, 256) : query);
		}
		return queries;
	}

	static List<String> suggestMix(Catalog catalog, Random random, int count) {
		List<Question> all = catalog.questions();
		List<String> queries = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String text = all.get(random.nextInt(all.size())).text();
			// every keystroke from 1 to 30 characters, as the search box sends them
			queries.add(text.substring(0, Math.min(text.length(), 1 + random.nextInt(30))));
		}
		return queries;
	}

	private static String typo(String word, Random random) {
		if (word.length() < 4) {
			return word;
		}
		int at = 1 + random.nextInt(word.length() - 2);
		char[] chars = word.toCharArray();
		char swap = chars[at];
		chars[at] = chars[at + 1];
		chars[at + 1] = swap;
		return new String(chars);
	}

	static long[] run(List<String> queries, Consumer<String> call) {
		long[] nanos = new long[queries.size()];
		for (int i = 0; i < queries.size(); i++) {
			long start = System.nanoTime();
			call.accept(queries.get(i));
			nanos[i] = System.nanoTime() - start;
		}
		return nanos;
	}

	static void report(String what, long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		System.out.printf(Locale.ROOT, "%-48s p50 %6.2f ms   p99 %6.2f ms   max %6.2f ms   (%,d queries)%n", what,
				percentile(sorted, 0.50), percentile(sorted, 0.99), sorted[sorted.length - 1] / 1e6, sorted.length);
	}

	private static double percentile(long[] sorted, double p) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
	}

	static long usedHeap() throws InterruptedException {
		Runtime runtime = Runtime.getRuntime();
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(100);
		}
		return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
	}

}
