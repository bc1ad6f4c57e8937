package dev.faqkb.search.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import dev.faqkb.content.Catalog;
import dev.faqkb.content.Category;
import dev.faqkb.content.Question;
import dev.faqkb.content.Section;
import dev.faqkb.content.SiteInfo;

/**
 * A large catalog recombined from the words of the Python FAQ: the same fixed seed always
 * gives the same questions. Words are drawn with their frequency in the source, so common
 * words stay common and the index sees a realistic spread of rare and frequent terms.
 */
final class SyntheticCorpus {

	private static final String[] OPENERS = { "How do I", "How can I", "Why does", "Why is", "What is", "Is there",
			"Can I", "Where do I", "When should I", "Does" };

	final List<String> questionWords;

	final List<String> answerWords;

	final List<String> headings;

	SyntheticCorpus(Path corpus) throws IOException {
		this.questionWords = new ArrayList<>();
		this.answerWords = new ArrayList<>();
		this.headings = new ArrayList<>();
		List<Path> files;
		try (Stream<Path> listing = Files.list(corpus)) {
			files = listing.filter(file -> file.toString().endsWith(".md")).sorted().toList();
		}
		for (Path file : files) {
			boolean frontMatter = false;
			for (String line : Files.readAllLines(file)) {
				if (line.equals("---")) {
					frontMatter = !frontMatter;
					continue;
				}
				if (frontMatter) {
					continue;
				}
				if (line.startsWith("## ")) {
					String heading = line.substring(3).strip();
					headings.add(heading);
					words(heading, questionWords);
				}
				else if (!line.startsWith("#")) {
					words(line, answerWords);
				}
			}
		}
	}

	private static void words(String text, List<String> into) {
		for (String word : text.split("\\s+")) {
			String clean = word.replaceAll("^[^\\p{Alnum}_.]+|[^\\p{Alnum}_+]+$", "");
			if (!clean.isEmpty() && clean.length() < 30 && !clean.contains("](")) {
				into.add(clean);
			}
		}
	}

	/** {@code count} questions in 20 categories of 5 sections each. */
	Catalog catalog(int count, long seed) {
		Random random = new Random(seed);
		int categories = 20;
		int sections = 5;
		List<Category> result = new ArrayList<>();
		int perSection = Math.max(1, count / (categories * sections));
		int made = 0;
		for (int c = 0; c < categories; c++) {
			String categoryId = "cat-" + c;
			List<Section> sectionList = new ArrayList<>();
			for (int s = 0; s < sections; s++) {
				String sectionTitle = capitalize(pick(random, questionWords)) + " " + pick(random, questionWords);
				List<Question> questions = new ArrayList<>();
				int wanted = c == categories - 1 && s == sections - 1 ? count - made : perSection;
				for (int q = 0; q < wanted; q++, made++) {
					String text = question(random);
					String answer = answer(random);
					questions.add(new Question(categoryId, "q" + made, text, sectionTitle,
							"<p>" + escape(answer) + "</p>", answer, Path.of(categoryId + ".md"), made, false, answer));
				}
				sectionList.add(new Section("s" + s, sectionTitle, "", questions));
			}
			result.add(new Category(categoryId, "Category " + c, "", c, "", sectionList, Path.of(categoryId + ".md"),
					null, Map.of(), false));
		}
		return new Catalog(new SiteInfo("Bench", "", "", false), result);
	}

	String question(Random random) {
		StringBuilder text = new StringBuilder(OPENERS[random.nextInt(OPENERS.length)]);
		int words = 3 + random.nextInt(8);
		for (int i = 0; i < words; i++) {
			text.append(' ').append(pick(random, questionWords));
		}
		return text.append('?').toString();
	}

	private String answer(Random random) {
		StringBuilder text = new StringBuilder();
		int words = 20 + random.nextInt(180);
		for (int i = 0; i < words; i++) {
			String word = pick(random, answerWords);
			text.append(i == 0 ? capitalize(word) : word);
			text.append(i % 14 == 13 ? ". " : " ");
		}
		return text.toString().strip() + ".";
	}

	static String pick(Random random, List<String> words) {
		return words.get(random.nextInt(words.size()));
	}

	private static String capitalize(String word) {
		return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
