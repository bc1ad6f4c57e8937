package dev.faqkb.content;

import java.time.LocalDate;
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

	// Each category's questions in display order, for previous/next: computed once, not
	// per request.
	private final Map<String, List<Question>> orderedByCategory = new LinkedHashMap<>();

	private final List<Question> questions;

	private final String base;

	private final ServedFiles files;

	private final Sources sources;

	/** The catalog of the default language, at the site's own addresses. */
	public Catalog(SiteInfo site, List<Category> categories) {
		this(site, categories, "");
	}

	/**
	 * @param base the address prefix of its language: empty for the default language,
	 * {@code /fr} for French
	 */
	public Catalog(SiteInfo site, List<Category> categories, String base) {
		this(site, categories, base, ServedFiles.NONE, Sources.NONE);
	}

	/**
	 * @param base the address prefix of its language: empty for the default language,
	 * {@code /fr} for French
	 * @param files the images and files of the content folder that the categories of
	 * every language use
	 * @param sources where the category files are, and when each answer last changed
	 */
	Catalog(SiteInfo site, List<Category> categories, String base, ServedFiles files, Sources sources) {
		this.site = site;
		this.base = base;
		this.files = files;
		this.sources = sources;
		this.categories = categories.stream()
			.sorted(Comparator.comparingInt(Category::order).thenComparing(Category::title))
			.toList();
		for (Category category : this.categories) {
			this.byId.put(category.id(), category);
			Map<String, Question> questions = new LinkedHashMap<>();
			category.questions().forEach(question -> questions.put(question.id(), question));
			this.questionsByCategory.put(category.id(), questions);
			this.orderedByCategory.put(category.id(), List.copyOf(questions.values()));
		}
		this.questions = this.categories.stream().flatMap(category -> category.questions().stream()).toList();
	}

	public SiteInfo site() {
		return site;
	}

	/**
	 * The images and files of the content folder that the content uses: all of the folder
	 * that is served.
	 */
	public ServedFiles files() {
		return files;
	}

	/**
	 * Where the category files are and when answers changed, for the catalogs of the
	 * translations.
	 */
	Sources sources() {
		return sources;
	}

	/**
	 * When {@code question}'s answer last changed: the date of the last commit that
	 * changed its lines when the content folder is in a git work tree, else its
	 * category's {@code updated}, if any.
	 */
	public Optional<LocalDate> updated(Question question) {
		LocalDate changed = sources.answerDates().get(Sources.answer(question.source(), question.id()));
		return changed != null ? Optional.of(changed) : category(question.category()).map(Category::updated);
	}

	/**
	 * When any answer of {@code category} last changed ({@link #updated(Question)}), if
	 * known.
	 */
	public Optional<LocalDate> updated(Category category) {
		return category.questions()
			.stream()
			.map(this::updated)
			.flatMap(Optional::stream)
			.max(Comparator.naturalOrder())
			.or(() -> Optional.ofNullable(category.updated()));
	}

	/**
	 * Where an author edits {@code category}: {@code editUrl} of {@code site.yml}
	 * followed by the category file's path in the content folder
	 * ({@code https://github.com/org/faq/edit/main/content/general.md}); empty without an
	 * {@code editUrl}.
	 */
	public Optional<String> editUrl(Category category) {
		String path = sources.paths().get(category.source());
		return site.editUrl().isEmpty() || path == null ? Optional.empty() : Optional.of(site.editUrl() + path);
	}

	/** The BCP 47 tag of the language its pages are in. */
	public String language() {
		return site.language();
	}

	/**
	 * The address prefix of its language: empty for the default language, {@code /fr} for
	 * French.
	 */
	public String base() {
		return base;
	}

	/** Its questions shown in another language than its own: those not translated yet. */
	public List<Question> untranslated() {
		return questions.stream().filter(question -> !question.lang().equals(language())).toList();
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

	/**
	 * Where an old id of a question in {@code category} points now, from its front
	 * matter.
	 */
	public Optional<Redirect> redirect(String category, String id) {
		return category(category).map(found -> found.redirects().get(id));
	}

	/**
	 * The question with this id, or where its old id moved: one lookup for every feature
	 * that links to a question by category and id. The redirect's target is always a
	 * served question, as {@code Redirects.resolve} keeps only redirects to those, so the
	 * result's {@link Question#url} is the redirect's url.
	 */
	public Optional<Question> questionOrMoved(String category, String id) {
		return question(category, id)
			.or(() -> redirect(category, id).flatMap(moved -> question(moved.category(), moved.id())));
	}

	/** Every question, in display order. */
	public List<Question> questions() {
		return questions;
	}

	/** The question before {@code question} in its category, if any. */
	public Optional<Question> previous(Question question) {
		return neighbour(question, -1);
	}

	/** The question after {@code question} in its category, if any. */
	public Optional<Question> next(Question question) {
		return neighbour(question, 1);
	}

	/**
	 * The question {@code offset} places from {@code question} in its category's display
	 * order, if any.
	 */
	private Optional<Question> neighbour(Question question, int offset) {
		List<Question> list = orderedByCategory.getOrDefault(question.category(), List.of());
		int index = list.indexOf(question);
		int target = index + offset;
		return index >= 0 && target >= 0 && target < list.size() ? Optional.of(list.get(target)) : Optional.empty();
	}

}
