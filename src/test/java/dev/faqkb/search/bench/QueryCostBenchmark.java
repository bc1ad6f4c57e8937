package dev.faqkb.search.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

import dev.faqkb.RandomText;
import dev.faqkb.content.Catalog;
import dev.faqkb.feedback.SearchLog;
import dev.faqkb.search.SearchIndex;

/**
 * The slowest inputs of the query path: for each kind of costly input found so far (long
 * CJK text, long or many new words, {@code @} runs in the search log, {@code ?hl=} on a
 * huge answer, long unknown ids) and for random texts, the CPU time of the worst one.
 * Words are new in every round, so no cache helps. A benchmark, not a test:
 * {@code ./mvnw -Pbench test-compile exec:exec -Dbench.main=dev.faqkb.search.bench.QueryCostBenchmark
 * -Dbench.questions=20000} (see bench/README.md).
 */
public final class QueryCostBenchmark {

	private static final long SEED = 20_261_127L;

	private static final int ROUNDS = 5;

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private QueryCostBenchmark() {
	}

	record Cost(String kind, String input, long cpuNanos, long wallNanos, String error) {

		String shown() {
			String text = input.length() > 60 ? input.substring(0, 60) + "… (" + input.length() + " chars)" : input;
			return text.replaceAll("\\p{Cntrl}", "·");
		}

	}

	public static void main(String[] args) throws Exception {
		int questions = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
		Path corpus = Path.of(args.length > 1 ? args[1] : "../shared/corpora/python-faq");
		if (!Files.isDirectory(corpus)) {
			System.err.println(
					"No corpus at " + corpus.toAbsolutePath() + ": the benchmark draws its words from the Python FAQ.");
			System.exit(2);
		}
		SyntheticCorpus source = new SyntheticCorpus(corpus);
		Catalog catalog = source.catalog(questions, SEED);
		String category = catalog.categories().get(0).id();
		RandomText random = new RandomText(SEED);
		Random words = new Random(SEED);
		String hugeAnswer = hugeAnswer(source, words, 5_000_000);
		List<Cost> costs = new ArrayList<>();
		try (SearchIndex index = new SearchIndex(catalog)) {
			// warm-up on ordinary queries, so that the JIT has compiled the common paths
			for (int i = 0; i < 2_000; i++) {
				String query = SyntheticCorpus.pick(words, source.questionWords) + " "
						+ SyntheticCorpus.pick(words, source.answerWords);
				index.search(query, null, 0, 10);
				index.suggest(query.substring(0, Math.min(query.length(), 1 + i % 20)), 8);
			}
			for (int round = 0; round < ROUNDS; round++) {
				String chinese = RandomText.CHINESE_QUESTION;
				costs.add(measure("search: Chinese question, 200 chars", chinese,
						() -> index.search(chinese, null, 0, 10)));
				String cjk = cjk(words, 256);
				costs.add(measure("search: random CJK, 256 chars", cjk, () -> index.search(cjk, null, 0, 10)));
				String cjkSuggest = cjk(words, 160);
				costs.add(measure("suggest: random CJK, 160 chars", cjkSuggest, () -> index.suggest(cjkSuggest, 8)));
				String longWord = random.letters(255);
				costs
					.add(measure("search: a new 255-letter word", longWord, () -> index.search(longWord, null, 0, 10)));
				String twelve = wordsOf(random, 12, 20);
				costs.add(measure("search: 12 new 20-letter words", twelve, () -> index.search(twelve, null, 0, 10)));
				String manyShort = wordsOf(random, 51, 4);
				costs.add(measure("search: 51 new 4-letter words", manyShort,
						() -> index.search(manyShort, null, 0, 10)));
				String typos = typos(source, words);
				costs.add(measure("search: 256 chars of misspelled FAQ words", typos,
						() -> index.search(typos, null, 0, 10)));
				String typoSuggest = typos + " " + random.letters(3);
				costs.add(measure("suggest: misspelled words, none starting so", typoSuggest,
						() -> index.suggest(typoSuggest.substring(typoSuggest.length() - 200), 8)));
				String ats = "@".repeat(256);
				costs.add(measure("search log: '@' x 256", ats, () -> SearchLog.normalize(ats)));
				String mixedAts = "a@".repeat(64) + "b.".repeat(64);
				costs.add(measure("search log: 'a@' x 64 + 'b.' x 64", mixedAts, () -> SearchLog.normalize(mixedAts)));
				String hl = SyntheticCorpus.pick(words, source.answerWords) + " "
						+ SyntheticCorpus.pick(words, source.answerWords);
				costs.add(measure("hl: 2 words on a 5 MB answer", hl, () -> index.highlightAnswer(hugeAnswer, hl)));
				String id = wordsOf(random, 100, 9).replace(' ', '-');
				costs.add(measure("404: closest questions for a 1,000-char id", id,
						() -> index.search(id.replace('-', ' '), category, 0, 5)));
				String oneWordId = random.letters(1_000);
				costs.add(measure("404: closest questions for a 1,000-letter id", oneWordId,
						() -> index.search(oneWordId, category, 0, 5)));
			}
			for (String text : random.texts(3_000)) {
				costs.add(measure("search: random text", text, () -> index.search(text, null, 0, 10)));
				costs.add(measure("suggest: random text", text, () -> index.suggest(text, 8)));
				costs.add(measure("hl: random text on an FAQ answer", text,
						() -> index.highlightAnswer(catalog.questions().get(0).answerHtml(), text)));
				costs.add(measure("search log: random text", text, () -> SearchLog.normalize(text)));
			}
		}
		report(catalog, costs);
	}

	private static Cost measure(String kind, String input, Supplier<Object> call) {
		long cpu = THREADS.getCurrentThreadCpuTime();
		long wall = System.nanoTime();
		String error = null;
		try {
			call.get();
		}
		catch (RuntimeException ex) {
			error = ex.getClass().getSimpleName();
		}
		return new Cost(kind, input, THREADS.getCurrentThreadCpuTime() - cpu, System.nanoTime() - wall, error);
	}

	private static void report(Catalog catalog, List<Cost> costs) {
		System.out.printf(Locale.ROOT, "questions %,d; %d cores, Java %s; CPU time per call, worst of %d rounds%n",
				catalog.questions().size(), Runtime.getRuntime().availableProcessors(),
				System.getProperty("java.version"), ROUNDS);
		List<String> kinds = costs.stream().map(Cost::kind).distinct().toList();
		for (String kind : kinds) {
			List<Cost> ofKind = costs.stream().filter(cost -> cost.kind().equals(kind)).toList();
			Cost worst = ofKind.stream().max(Comparator.comparingLong(Cost::cpuNanos)).orElseThrow();
			long errors = ofKind.stream().filter(cost -> cost.error() != null).count();
			System.out.printf(Locale.ROOT, "  %-46s worst %8.1f ms CPU (%8.1f ms wall)%s%n", kind,
					worst.cpuNanos() / 1e6, worst.wallNanos() / 1e6,
					errors == 0 ? "" : "   " + errors + " of " + ofKind.size() + " failed: "
							+ ofKind.stream().filter(cost -> cost.error() != null).findFirst().orElseThrow().error());
		}
		Cost worst = costs.stream().max(Comparator.comparingLong(Cost::cpuNanos)).orElseThrow();
		System.out.printf(Locale.ROOT, "slowest: %s, %.1f ms CPU (%.1f ms wall): '%s'%n", worst.kind(),
				worst.cpuNanos() / 1e6, worst.wallNanos() / 1e6, worst.shown());
		System.out.printf(Locale.ROOT, "calls %,d, failed %,d%n", costs.size(),
				costs.stream().filter(cost -> cost.error() != null).count());
	}

	private static String wordsOf(RandomText random, int count, int length) {
		List<String> words = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			words.add(random.letters(length));
		}
		return String.join(" ", words);
	}

	private static String cjk(Random random, int length) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			text.append((char) (0x4E00 + random.nextInt(0x5000)));
		}
		return text.toString();
	}

	/**
	 * FAQ words of 8+ letters with a letter changed: the most typo alternatives a query
	 * can ask for.
	 */
	private static String typos(SyntheticCorpus source, Random random) {
		StringBuilder text = new StringBuilder();
		while (text.length() < 240) {
			String word = SyntheticCorpus.pick(random, source.answerWords);
			if (word.length() >= 8 && word.chars().allMatch(Character::isLetter)) {
				char[] chars = word.toCharArray();
				chars[1 + random.nextInt(chars.length - 2)] = (char) ('a' + random.nextInt(26));
				text.append(chars).append(' ');
			}
		}
		return text.substring(0, Math.min(text.length(), 256)).strip();
	}

	private static String hugeAnswer(SyntheticCorpus source, Random random, int chars) {
		StringBuilder html = new StringBuilder(chars + 1_000);
		while (html.length() < chars) {
			html.append("<p>");
			for (int i = 0; i < 40; i++) {
				html.append(SyntheticCorpus.pick(random, source.answerWords)).append(' ');
			}
			html.append("<a href=\"/faq/x\">link</a> &amp; <code>code</code>.</p>\n");
		}
		return html.toString();
	}

}
