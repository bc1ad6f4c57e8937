package dev.faqkb.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.faqkb.SharedTestData;
import dev.faqkb.content.Catalog;
import dev.faqkb.content.ContentLoader;
import dev.faqkb.content.MarkdownRenderer;
import dev.faqkb.search.semantic.SemanticFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures ranking on the labelled dev queries of ../shared/eval over the Python FAQ plus
 * the seed category, by words alone and then by words and meaning (the vectors): prints
 * MRR@10, Recall@1 and Recall@5 (overall and per kind) for both and fails below the bar
 * of each.
 */
@SharedTestData({ "corpora/python-faq", "eval/dev-queries.tsv" })
class SearchQualityTest {

	static final Path CORPUS = Path.of("../shared/corpora/python-faq");

	static final Path QUERIES = Path.of("../shared/eval/dev-queries.tsv");

	static final double MIN_MRR = 0.80;

	static final double MIN_RECALL_AT_5 = 0.90;

	static final double MIN_SEMANTIC_MRR = 0.90;

	// 54 of the 55 queries. The one missed, "shebang", is not near its answer for this
	// model (0.24, below the
	// queries without an answer, 0.32 and 0.33); see bench/README.md.
	static final double MIN_SEMANTIC_RECALL_AT_5 = 0.97;

	@Test
	void devQueriesFindTheirAnswers(@TempDir Path content) throws Exception {
		Catalog catalog = catalog(content);
		SearchIndex index = new SearchIndex(catalog);
		Report lexical = evaluate(index);
		System.out.println("Search quality on " + QUERIES + ", lexical:");
		System.out.println(lexical.text());
		Vectors vectors = Vectors.of(SemanticFixture.embed(catalog, 1));
		Map<String, float[]> embedded = new ConcurrentHashMap<>();
		Function<String, float[]> encoder = SemanticFixture.encoder();
		Function<String, float[]> memo = query -> embedded.computeIfAbsent(query, encoder);
		index.useVectors(vectors, memo);
		Report semantic = evaluate(index);
		System.out.println("Search quality on " + QUERIES + ", lexical and semantic:");
		System.out.println(semantic.text());
		System.out.println(crossValidation(index, vectors, memo, lexical));
		assertThat(lexical.overall().mrr()).as("lexical MRR@10").isGreaterThanOrEqualTo(MIN_MRR);
		assertThat(lexical.overall().recall5()).as("lexical Recall@5").isGreaterThanOrEqualTo(MIN_RECALL_AT_5);
		assertThat(semantic.overall().mrr()).as("semantic MRR@10").isGreaterThanOrEqualTo(MIN_SEMANTIC_MRR);
		assertThat(semantic.overall().recall5()).as("semantic Recall@5")
			.isGreaterThanOrEqualTo(MIN_SEMANTIC_RECALL_AT_5);
		assertThat(semantic.nomatchTotals()).as("queries without an answer gain no results by meaning")
			.containsExactly(lexical.nomatchTotals());
	}

	/**
	 * @param reciprocal the reciprocal rank of each answerable query, in file order
	 * @param nomatchTotals how many results each query without an answer has, in file
	 * order
	 */
	record Report(Metrics overall, String text, double[] reciprocal, String[] kinds, long[] nomatchTotals) {
	}

	/** The blends cross-validation chooses from: every combination of these. */
	static final float[] QUESTION_WEIGHTS = { 0.6f, 0.8f, 0.9f };

	static final float[] KEYWORD_WEIGHTS = { 0.2f, 0.4f, 0.6f };

	// the stricter first: of blends that rank the same, the one with the fewest results
	// by meaning alone is chosen
	static final float[] GATES = { 0.40f, 0.35f, 0.30f };

	static final float[] FLOORS = { 0.35f, 0.30f, 0.20f };

	static List<Blend> grid() {
		return grid(QUESTION_WEIGHTS, KEYWORD_WEIGHTS, GATES, FLOORS);
	}

	static List<Blend> grid(float[] questionWeights, float[] keywordWeights, float[] gates, float[] floors) {
		List<Blend> grid = new ArrayList<>();
		for (float question : questionWeights) {
			for (float keywords : keywordWeights) {
				for (float gate : gates) {
					for (float floor : floors) {
						if (floor <= gate) {
							grid.add(new Blend(question, keywords, gate, floor));
						}
					}
				}
			}
		}
		return grid;
	}

	/**
	 * Whether the blend generalises: over random halves of the queries (each kind split
	 * evenly), the blend best on one half (MRR@10 plus Recall@5), measured on the other,
	 * against the shipped blend and the lexical ranking there. A blend that gives the
	 * queries without an answer results by meaning alone is never chosen.
	 */
	static String crossValidation(SearchIndex index, Vectors vectors, Function<String, float[]> encoder, Report lexical)
			throws IOException {
		return crossValidation(grid(), blend -> {
			index.useVectors(vectors, encoder, blend);
			return evaluate(index);
		}, Blend.DEFAULT, lexical);
	}

	/**
	 * As above, for any ranking that a blend of {@code grid} makes.
	 * @param evaluate the report of the labelled queries ranked with a blend
	 * @param shipped the blend shipped, measured on the same halves
	 */
	static String crossValidation(List<Blend> grid, IoFunction<Blend, Report> evaluate, Blend shipped, Report lexical)
			throws IOException {
		Map<String, double[]> byBlend = new LinkedHashMap<>();
		for (Blend blend : grid) {
			Report report = evaluate.apply(blend);
			if (Arrays.equals(report.nomatchTotals(), lexical.nomatchTotals())) {
				byBlend.put(String.format(Locale.ROOT, "%.1f/%.1f/%.2f/%.2f", blend.questionWeight(),
						blend.keywordWeight(), blend.gate(), blend.floor()), report.reciprocal());
			}
		}
		return crossValidation(byBlend, evaluate.apply(shipped).reciprocal(), lexical);
	}

	/** A function that may fail to read. */
	interface IoFunction<T, R> {

		R apply(T value) throws IOException;

	}

	private static String crossValidation(Map<String, double[]> byBlend, double[] shipped, Report lexical) {
		String[] kinds = lexical.kinds();
		StringBuilder text = new StringBuilder(
				"  cross-validation (blend question/keywords/gate/floor chosen on one half " + "of " + byBlend.size()
						+ ", MRR@10 / Recall@5 on the other half):\n");
		double[] chosen = new double[2];
		double[] kept = new double[2];
		double[] words = new double[2];
		int runs = 0;
		for (int split = 0; split < 10; split++) {
			boolean[] inA = halves(kinds, new Random(split));
			for (boolean trainOnA : new boolean[] { true, false }) {
				String best = null;
				double bestScore = -1;
				for (Map.Entry<String, double[]> entry : byBlend.entrySet()) {
					double score = mean(entry.getValue(), inA, trainOnA, false)
							+ mean(entry.getValue(), inA, trainOnA, true);
					if (score > bestScore + 1e-9) {
						best = entry.getKey();
						bestScore = score;
					}
				}
				double heldOut = mean(byBlend.get(best), inA, !trainOnA, false);
				chosen[0] += heldOut;
				chosen[1] += mean(byBlend.get(best), inA, !trainOnA, true);
				kept[0] += mean(shipped, inA, !trainOnA, false);
				kept[1] += mean(shipped, inA, !trainOnA, true);
				words[0] += mean(lexical.reciprocal(), inA, !trainOnA, false);
				words[1] += mean(lexical.reciprocal(), inA, !trainOnA, true);
				runs++;
				text.append(String.format(Locale.ROOT, "    split %d%s: chose %s, held-out MRR@10 %.3f%n", split,
						trainOnA ? "a" : "b", best, heldOut));
			}
		}
		text.append(String.format(Locale.ROOT,
				"    mean held-out MRR@10 / Recall@5: chosen blend %.3f / %.3f, shipped %.3f / %.3f, lexical %.3f / %.3f "
						+ "(%d halves)%n",
				chosen[0] / runs, chosen[1] / runs, kept[0] / runs, kept[1] / runs, words[0] / runs, words[1] / runs,
				runs));
		return text.toString();
	}

	/** Each kind's queries shuffled and split in two. */
	private static boolean[] halves(String[] kinds, Random random) {
		boolean[] inA = new boolean[kinds.length];
		Map<String, List<Integer>> byKind = new LinkedHashMap<>();
		for (int i = 0; i < kinds.length; i++) {
			byKind.computeIfAbsent(kinds[i], k -> new ArrayList<>()).add(i);
		}
		for (List<Integer> members : byKind.values()) {
			Collections.shuffle(members, random);
			for (int i = 0; i < members.size(); i += 2) {
				inA[members.get(i)] = true;
			}
		}
		return inA;
	}

	/** The mean reciprocal rank of one half, or its recall at 5 ({@code recall}). */
	private static double mean(double[] values, boolean[] inA, boolean a, boolean recall) {
		double sum = 0;
		int count = 0;
		for (int i = 0; i < values.length; i++) {
			if (inA[i] == a) {
				sum += recall ? (values[i] >= 0.2 - 1e-9 ? 1 : 0) : values[i];
				count++;
			}
		}
		return sum / count;
	}

	static Report evaluate(SearchIndex index) throws IOException {
		return evaluate(index, QUERIES);
	}

	/**
	 * The metrics of the labelled queries of {@code file} (the shared TSV format) on
	 * {@code index}.
	 */
	static Report evaluate(SearchIndex index, Path file) throws IOException {
		Map<String, Metrics> byKind = new LinkedHashMap<>();
		Metrics overall = new Metrics();
		int nomatch = 0;
		int nomatchEmpty = 0;
		List<Long> nomatchTotals = new ArrayList<>();
		List<String> misses = new ArrayList<>();
		List<String> nomatchTop = new ArrayList<>();
		List<Double> reciprocal = new ArrayList<>();
		List<String> kinds = new ArrayList<>();
		List<Double> topScores = new ArrayList<>();
		Map<String, List<Long>> totals = new LinkedHashMap<>();
		for (String[] row : queries(file)) {
			String kind = row[1];
			String query = row[2];
			SearchResults results = index.search(query, null, 0, 10);
			totals.computeIfAbsent(kind, k -> new ArrayList<>()).add(results.total());
			if (kind.equals("nomatch")) {
				nomatch++;
				nomatchEmpty += results.total() == 0 ? 1 : 0;
				nomatchTotals.add(results.total());
				nomatchTop.add(row[0] + " '" + query + "': "
						+ (results.hits().isEmpty() ? "no result"
								: String.format(Locale.ROOT, "%d results, top score %.2f (%s, %s)", results.total(),
										results.hits().get(0).score(), results.hits().get(0).match(),
										results.hits().get(0).question().text())));
				continue;
			}
			if (!results.hits().isEmpty()) {
				topScores.add((double) results.hits().get(0).score());
			}
			List<String> relevant = Stream.of(row[3].split(" \\|\\| ")).map(SearchQualityTest::label).toList();
			int rank = 0;
			for (int i = 0; i < results.hits().size(); i++) {
				var question = results.hits().get(i).question();
				if (relevant.contains(question.category() + "::" + normalize(question.text()))) {
					rank = i + 1;
					break;
				}
			}
			overall.add(rank);
			reciprocal.add(rank == 0 ? 0 : 1.0 / rank);
			kinds.add(kind);
			byKind.computeIfAbsent(kind, k -> new Metrics()).add(rank);
			if (rank != 1) {
				misses.add(row[0] + " " + kind + " rank " + (rank == 0 ? ">10" : rank) + ": " + query + " -> "
						+ (results.hits().isEmpty() ? "-" : results.hits().get(0).question().text()));
			}
		}
		StringBuilder text = new StringBuilder();
		text.append("  overall ").append(overall).append('\n');
		byKind.forEach((kind, metrics) -> text.append("  ").append(kind).append(' ').append(metrics).append('\n'));
		double median = topScores.stream().sorted().skip(topScores.size() / 2).findFirst().orElse(0.0);
		text.append(String.format(Locale.ROOT,
				"  nomatch: %d queries, %d with no result (median top score of the answerable ones: %.2f)%n", nomatch,
				nomatchEmpty, median));
		nomatchTop.forEach(line -> text.append("    ").append(line).append('\n'));
		text.append("  results per query (median / max):");
		totals.forEach((kind, counts) -> text.append(' ')
			.append(kind)
			.append(' ')
			.append(counts.stream().sorted().skip(counts.size() / 2).findFirst().orElse(0L))
			.append(" / ")
			.append(counts.stream().mapToLong(Long::longValue).max().orElse(0)));
		text.append('\n');
		misses.forEach(miss -> text.append("  not first: ").append(miss).append('\n'));
		return new Report(overall, text.toString(), reciprocal.stream().mapToDouble(Double::doubleValue).toArray(),
				kinds.toArray(String[]::new), nomatchTotals.stream().mapToLong(Long::longValue).toArray());
	}

	static Catalog catalog(Path content) throws IOException {
		try (Stream<Path> files = Files.list(CORPUS)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".md")).toList()) {
				Files.copy(file, content.resolve(file.getFileName()));
			}
		}
		Files.copy(Path.of("content/general.md"), content.resolve("general-mattermost.md"));
		return new ContentLoader(new MarkdownRenderer(), false).load(content);
	}

	static List<String[]> queries(Path file) throws IOException {
		List<String[]> rows = new ArrayList<>();
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			String[] row = line.split("\t", -1);
			if (row.length < 4 || row[0].equals("qid")) {
				continue;
			}
			rows.add(row);
		}
		return rows;
	}

	/**
	 * category::heading, the heading normalized; a TSV field may be quoted with doubled
	 * quotes.
	 */
	private static String label(String relevant) {
		String value = relevant.strip();
		if (value.startsWith("\"") && value.endsWith("\"")) {
			value = value.substring(1, value.length() - 1).replace("\"\"", "\"");
		}
		String[] parts = value.split("::", 2);
		return parts[0].replace("\"", "") + "::" + normalize(parts[1]);
	}

	/**
	 * As ../shared/eval/README.txt says: NFKC, lowercased, every run of other than
	 * letters or digits one space.
	 */
	static String normalize(String heading) {
		return Normalizer.normalize(heading, Normalizer.Form.NFKC)
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^\\p{L}\\p{N}]+", " ")
			.strip();
	}

	static final class Metrics {

		private int queries;

		private double reciprocal;

		private int first;

		private int top5;

		void add(int rank) {
			queries++;
			reciprocal += rank == 0 ? 0 : 1.0 / rank;
			first += rank == 1 ? 1 : 0;
			top5 += rank >= 1 && rank <= 5 ? 1 : 0;
		}

		double mrr() {
			return reciprocal / queries;
		}

		double recall5() {
			return (double) top5 / queries;
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "(%d queries): MRR@10 %.3f, Recall@1 %.3f, Recall@5 %.3f", queries, mrr(),
					(double) first / queries, recall5());
		}

	}

}
