package dev.faqkb.content;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable snapshot of the whole content folder. Safe to share between threads.
 */
public final class Catalog {

	private final SiteInfo site;

	private final List<Category> categories;

	private final Map<String, Category> byId = new LinkedHashMap<>();

	private final Map<String, Map<String, Question>> questionsByCategory = new LinkedHashMap<>();

	public Catalog(SiteInfo site, List<Category> categories) {
		this.site = site;
		this.categories = categories.stream()
			.sorted(Comparator.comparingInt(Category::order).thenComparing(Category::title))
			.toList();
		for (Category category : this.categories) {
			this.byId.put(category.id(), category);
			Map<String, Question> questions = new LinkedHashMap<>();
			category.questions().forEach(question -> questions.put(question.id(), question));
			this.questionsByCategory.put(category.id(), questions);
		}
	}

	public SiteInfo site() {
		return site;
	}

	/** Categories in display order: by {@code order}, then title. */
	public List<Category> categories() {
		return categories;
	}

	public Optional<Category> category(String id) {
		return Optional.ofNullable(byId.get(id));
	}

	public Optional<Question> question(String category, String id) {
		return Optional.ofNullable(questionsByCategory.getOrDefault(category, Map.of()).get(id));
	}

	/** Where an old id of a question in {@code category} points now, from its front matter. */
	public Optional<Redirect> redirect(String category, String id) {
		return category(category).map(found -> found.redirects().get(id));
	}

	/** Every question, in display order. */
	public List<Question> questions() {
		return categories.stream().flatMap(category -> category.questions().stream()).toList();
	}

	/** The question before {@code question} in its category, if any. */
	public Optional<Question> previous(Question question) {
		List<Question> list = List.copyOf(questionsByCategory.get(question.category()).values());
		int index = list.indexOf(question);
		return index > 0 ? Optional.of(list.get(index - 1)) : Optional.empty();
	}

	/** The question after {@code question} in its category, if any. */
	public Optional<Question> next(Question question) {
		List<Question> list = List.copyOf(questionsByCategory.get(question.category()).values());
		int index = list.indexOf(question);
		return index >= 0 && index < list.size() - 1 ? Optional.of(list.get(index + 1)) : Optional.empty();
	}

}
