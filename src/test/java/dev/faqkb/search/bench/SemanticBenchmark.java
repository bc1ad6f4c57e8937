package dev.faqkb.search.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.faqkb.content.Catalog;
import dev.faqkb.content.ContentLoader;
import dev.faqkb.content.MarkdownRenderer;
import dev.faqkb.content.Question;
import dev.faqkb.search.SearchIndex;
import dev.faqkb.search.semantic.SemanticFixture;
import dev.faqkb.search.semantic.SemanticSearch;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Search by meaning at catalog scale: model load, embedding throughput on 1 and 2
 * threads, time until the vectors are ready from a warm cache (and cold, with
 * {@code -Dbench.cold=true}), search latency with semantic search off and on, heap and
 * resident memory. {@code questions} 0 measures the Python FAQ itself.
 * <p>
 * Embedding 100,000 questions takes about an hour on 2 cores, so above
 * {@code bench.embed} questions (default 1,000) only that many are embedded for the
 * throughput, and every other question gets a stand-in vector: a real embedding of
 * another question plus noise, normalized. Search and cache times do not depend on the
 * values of the vectors; the cold time at that size is extrapolated from the throughput
 * and said so.
 */
final class SemanticBenchmark {

	private SemanticBenchmark() {
	}

	static void main(int questions, Path corpus) throws Exception {
		SyntheticCorpus source = new SyntheticCorpus(corpus);
		Catalog catalog = questions == 0 ? new ContentLoader(new MarkdownRenderer(), false).load(corpus)
				: source.catalog(questions, SearchBenchmark.SEED);
		int n = catalog.questions().size();
		int sample = Math.min(n, Integer.getInteger("bench.embed", 1_000));
		line("questions", String.format(Locale.ROOT, "%,d (%s)", n, questions == 0 ? corpus : "synthetic"));
		line("machine",
				String.format(Locale.ROOT, "%d cores, Java %s, max heap %d MB, load average %s",
						Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
						Runtime.getRuntime().maxMemory() / (1024 * 1024), load()));

		long start = System.nanoTime();
		long cpu = processCpu();
		SearchIndex index = new SearchIndex(catalog);
		line("index build", millis(start) + ", " + cpuSince(cpu));
		memory("memory, lexical index");

		Random random = new Random(SearchBenchmark.SEED + 1);
		List<String> searches = SearchBenchmark.searchMix(source, catalog, random, 3_000);
		List<String> suggests = SearchBenchmark.suggestMix(catalog, random, 10_000);
		measure("semantic off", index, searches, suggests);

		start = System.nanoTime();
		Function<String, float[]> encoder = SemanticFixture.encoder();
		line("model load", millis(start));
		memory("memory, model loaded");
		encoder.apply("warm-up");
		start = System.nanoTime();
		for (String query : searches.subList(0, 200)) {
			encoder.apply(query);
		}
		line("query embedding", String.format(Locale.ROOT, "%.2f ms each (200 queries of the mix)",
				(System.nanoTime() - start) / 1e6 / 200));

		List<Question> some = catalog.questions().subList(0, sample);
		float[][] real = null;
		for (int threads : new int[] { 1, 2 }) {
			start = System.nanoTime();
			cpu = processCpu();
			real = SemanticFixture.embed(some, threads);
			double seconds = (System.nanoTime() - start) / 1e9;
			line("  CPU per question", String.format(Locale.ROOT, "%.1f ms", (processCpu() - cpu) / 1e6 / sample));
			line("embedding, " + threads + " thread" + (threads > 1 ? "s" : ""),
					String.format(Locale.ROOT, "%,.0f questions a second (%,d in %.1f s); %,d questions would take %s",
							sample / seconds, sample, seconds, n, duration(n * seconds / sample)));
		}
		float[][] vectors = sample == n ? real : standIns(real, n, new Random(SearchBenchmark.SEED + 2));
		real = null;

		Path dir = Files.createTempDirectory("faqkb-bench-");
		JdbcTemplate jdbc = SemanticFixture.h2Database(dir);
		if (Boolean.getBoolean("bench.cold")) {
			start = System.nanoTime();
			cpu = processCpu();
			SemanticSearch.Run run = SemanticFixture.prepare(new SearchIndex(catalog), catalog, jdbc, 1);
			line("ready, cold (1 thread)", millis(start) + ", " + cpuSince(cpu) + " " + run);
		}
		else {
			start = System.nanoTime();
			cpu = processCpu();
			SemanticFixture.fillCache(jdbc, catalog, vectors);
			line("cache filled",
					millis(start) + ", " + cpuSince(cpu) + " (" + n + " rows, in batches as a cold start writes them)");
		}
		// the benchmark's own copy of the vectors is not part of what the application
		// keeps
		vectors = null;
		start = System.nanoTime();
		cpu = processCpu();
		SemanticSearch.Run run = SemanticFixture.prepare(index, catalog, jdbc, 1);
		line("ready, warm cache", millis(start) + ", " + cpuSince(cpu) + " " + run + " (model already loaded)");
		memory("memory, semantic ready");
		measure("semantic on", index, searches, suggests);
		index.close();
	}

	private static void measure(String what, SearchIndex index, List<String> searches, List<String> suggests) {
		SearchBenchmark.run(searches.subList(0, 1_000), query -> index.search(query, null, 0, 10));
		SearchBenchmark.run(suggests.subList(0, 3_000), query -> index.suggest(query, 8));
		long[] cpu = new long[searches.size()];
		long[] wall = cpuAndWall(searches, query -> index.search(query, null, 0, 10), cpu);
		SearchBenchmark.report("search, " + what, wall);
		SearchBenchmark.report("  (CPU time of the thread)", cpu);
		long[] suggestCpu = new long[suggests.size()];
		SearchBenchmark.report("suggest, " + what, cpuAndWall(suggests, query -> index.suggest(query, 8), suggestCpu));
		SearchBenchmark.report("  (CPU time of the thread)", suggestCpu);
	}

	/**
	 * Wall time per call, and in {@code cpu} the calling thread's CPU time: on a machine
	 * busy with other work the wall time is mostly waiting for a core, the CPU time is
	 * what a quiet machine would take.
	 */
	private static long[] cpuAndWall(List<String> queries, Consumer<String> call, long[] cpu) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long[] wall = new long[queries.size()];
		for (int i = 0; i < queries.size(); i++) {
			long startCpu = threads.getCurrentThreadCpuTime();
			long start = System.nanoTime();
			call.accept(queries.get(i));
			wall[i] = System.nanoTime() - start;
			cpu[i] = threads.getCurrentThreadCpuTime() - startCpu;
		}
		return wall;
	}

	/** CPU time of the whole process (all threads, GC included) since {@code start}. */
	private static String cpuSince(long start) {
		return String.format(Locale.ROOT, "%,d ms CPU", (processCpu() - start) / 1_000_000);
	}

	private static long processCpu() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	/**
	 * A real embedding of another question plus noise, normalized: vectors with the
	 * spread of real ones.
	 */
	private static float[][] standIns(float[][] real, int n, Random random) {
		float[][] vectors = new float[n][];
		for (int i = 0; i < n; i++) {
			float[] base = real[i % real.length];
			float[] vector = new float[base.length];
			double norm = 0;
			for (int d = 0; d < base.length; d++) {
				vector[d] = (float) (base[d] + random.nextGaussian() * 0.03);
				norm += vector[d] * vector[d];
			}
			for (int d = 0; d < base.length; d++) {
				vector[d] /= (float) Math.sqrt(norm);
			}
			vectors[i] = vector;
		}
		return vectors;
	}

	private static void memory(String what) throws Exception {
		line(what, String.format(Locale.ROOT, "heap %,d MB after GC, resident %s", SearchBenchmark.usedHeap(), rss()));
	}

	private static String rss() throws Exception {
		return Files.readAllLines(Path.of("/proc/self/status"))
			.stream()
			.filter(l -> l.startsWith("VmRSS"))
			.map(l -> l.replaceAll("\\s+", " ").substring(7))
			.findFirst()
			.orElse("?");
	}

	private static String load() throws Exception {
		return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
	}

	private static String millis(long start) {
		return String.format(Locale.ROOT, "%,d ms", (System.nanoTime() - start) / 1_000_000);
	}

	private static String duration(double seconds) {
		return seconds < 120 ? String.format(Locale.ROOT, "%.0f s", seconds)
				: String.format(Locale.ROOT, "%.0f min", seconds / 60);
	}

	private static void line(String what, String value) throws Exception {
		System.out.printf(Locale.ROOT, "%-30s %s   [load %s]%n", what, value, load());
	}

}
