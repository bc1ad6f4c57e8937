package dev.faqkb.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import dev.faqkb.content.Catalog;
import dev.faqkb.content.Category;
import dev.faqkb.content.Question;
import dev.faqkb.content.Section;
import dev.faqkb.content.SiteInfo;
import dev.faqkb.content.Slugs;

/**
 * What the sitemap of a large catalog takes: its files, their size before and after gzip
 * (what {@link PageCache} keeps per address) and the time to make each, for a real
 * address and for an 8 KB made-up {@code Host}. Question ids are slugs of questions
 * recombined from the Python FAQ's headings, as an author's headings would give. A
 * benchmark, not a test:
 * {@code ./mvnw -Pbench test-compile exec:exec -Dbench.main=dev.faqkb.web.SitemapBenchmark}
 * (see bench/README.md).
 */
public final class SitemapBenchmark {

	private static final String[] OPENERS = { "How do I", "How can I", "Why does", "Why is", "What is", "Is there",
			"Can I", "Where do I", "When should I", "Does" };

	private SitemapBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		Path corpus = Path.of("../shared/corpora/python-faq");
		if (!Files.isDirectory(corpus)) {
			System.err.println("No corpus at " + corpus.toAbsolutePath() + ": the benchmark draws its words from it.");
			System.exit(2);
		}
		Catalog catalog = catalog(words(corpus), count);
		System.out.printf(Locale.ROOT, "questions %,d, Java %s, %d cores%n", catalog.questions().size(),
				System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
		SitemapFiles files = new SitemapFiles();
		SitemapFiles oneFile = new SitemapFiles(Integer.MAX_VALUE, Long.MAX_VALUE); // as
																					// before
																					// the
																					// limits
		for (int run = 1; run <= 3; run++) { // the first runs warm the JIT up; the last
												// is reported
			boolean last = run == 3;
			measure("one file", oneFile, catalog, "https://faq.example.com", last);
			measure("split", files, catalog, "https://faq.example.com", last);
			measure("split", files, catalog, "http://" + "a".repeat(8_000), last);
		}
	}

	private static void measure(String label, SitemapFiles files, Catalog catalog, String base, boolean report) {
		long start = System.nanoTime();
		CachedPage sitemap = files.sitemap(catalog, base);
		long millis = (System.nanoTime() - start) / 1_000_000;
		List<String> lines = new ArrayList<>();
		lines.add(line("sitemap.xml", sitemap, millis));
		long gzipped = sitemap.gzip().length;
		for (int number = 1;; number++) {
			start = System.nanoTime();
			CachedPage part = files.part(catalog, base, number);
			millis = (System.nanoTime() - start) / 1_000_000;
			if (part == null) {
				lines.add(String.format(Locale.ROOT, "  %-16s none (a 404), found in %,d ms",
						"sitemap-" + number + ".xml", millis));
				break;
			}
			lines.add(line("sitemap-" + number + ".xml", part, millis));
			gzipped += part.gzip().length;
		}
		if (report) {
			System.out.printf(Locale.ROOT, "%n%s, base of %,d characters: %d files, %,d bytes gzipped in all%n", label,
					base.length(), lines.size() - 1, gzipped);
			lines.forEach(System.out::println);
		}
	}

	private static String line(String name, CachedPage page, long millis) {
		return String.format(Locale.ROOT, "  %-16s %,12d bytes, %,10d gzipped, made in %,6d ms", name, page.length(),
				page.gzip().length, millis);
	}

	/** The words of the corpus's question headings. */
	private static List<String> words(Path corpus) throws IOException {
		List<String> words = new ArrayList<>();
		try (Stream<Path> files = Files.list(corpus)) {
			for (Path file : files.filter(path -> path.toString().endsWith(".md")).sorted().toList()) {
				for (String line : Files.readAllLines(file)) {
					if (line.startsWith("## ")) {
						for (String word : line.substring(3).split("\\s+")) {
							if (!Slugs.slug(word).isEmpty()) {
								words.add(word);
							}
						}
					}
				}
			}
		}
		return words;
	}

	/**
	 * {@code count} questions in 20 categories, updated on one day, ids the slugs of
	 * their text.
	 */
	private static Catalog catalog(List<String> words, int count) {
		Random random = new Random(20_260_325L);
		List<Category> categories = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (int c = 0; c < 20; c++) {
			String category = "category-" + c;
			List<Question> questions = new ArrayList<>();
			for (int q = c * count / 20; q < (c + 1) * count / 20; q++) {
				StringBuilder text = new StringBuilder(OPENERS[random.nextInt(OPENERS.length)]);
				for (int w = 3 + random.nextInt(8); w > 0; w--) {
					text.append(' ').append(words.get(random.nextInt(words.size())));
				}
				String id = Slugs.slug(text.toString());
				id = ids.add(id) ? id : id + "-" + q;
				questions.add(new Question(category, id, text + "?", "Section", "<p>Yes.</p>", "Yes.",
						Path.of(category + ".md"), q, false, "Yes."));
			}
			categories.add(new Category(category, "Category " + c, "", c, "",
					List.of(new Section("section", "Section", "", questions)), Path.of(category + ".md"),
					LocalDate.of(2026, 11, 26), Map.of(), false));
		}
		return new Catalog(new SiteInfo("Bench", "", "", false), categories);
	}

}
