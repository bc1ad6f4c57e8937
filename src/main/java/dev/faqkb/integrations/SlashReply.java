package dev.faqkb.integrations;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import dev.faqkb.content.Catalog;
import dev.faqkb.content.Question;
import dev.faqkb.search.QueryBudget;
import dev.faqkb.search.SearchHit;
import dev.faqkb.search.SearchResults;
import dev.faqkb.site.SearchListener;
import dev.faqkb.site.SearchPerformed;
import dev.faqkb.site.Snapshot;

/**
 * The Markdown a chat user sees for a slash command: the best answer in full (or cut near
 * {@link #ANSWER_LIMIT} characters with "Read more"), its question as a link to its page,
 * and links to the next two matches. Everything the user typed is escaped before it is
 * shown back.
 */
final class SlashReply {

	static final int ANSWER_LIMIT = 1500;

	/**
	 * A slash command takes what the query budget analyses, as the search box does;
	 * longer is refused.
	 */
	static final int MAX_QUERY = QueryBudget.DEFAULT.maxChars();

	static final String TOO_MANY = "You have asked many questions in a short time. Please try again in a minute.";

	private static final int MORE = 2;

	private SlashReply() {
	}

	/**
	 * @param text what the user typed after the command, trimmed
	 * @param command the command as typed ({@code /faq}), for the help
	 * @param base the site's absolute address, for links
	 * @param searches told of the search, so that the owner sees what chat users ask as
	 * well
	 */
	static String to(String text, String command, Snapshot snapshot, String base, SearchListener searches) {
		Catalog catalog = snapshot.catalog();
		if (text.isEmpty()) {
			return help(command, catalog, base);
		}
		if (text.length() > MAX_QUERY) {
			return "Your question is too long: at most " + MAX_QUERY + " characters. Try its main words.";
		}
		SearchResults results = snapshot.index().search(text, null, 0, 1 + MORE);
		searches.searched(new SearchPerformed(text, null, results.total(), 1));
		if (results.hits().isEmpty()) {
			return noMatch(text, command, results.didYouMean(), catalog, base);
		}
		Question best = results.hits().get(0).question();
		String url = base + best.url();
		StringBuilder reply = new StringBuilder();
		reply.append("#### [").append(AnswerMarkdown.plain(best.text())).append("](").append(url).append(")\n\n");
		// The answer's own headings go below the question's.
		reply.append(AnswerMarkdown.cut(AnswerMarkdown.of(best, catalog, base, 2), ANSWER_LIMIT, url));
		List<SearchHit> more = results.hits().subList(1, results.hits().size());
		if (!more.isEmpty()) {
			reply.append("\n\nMore answers: ")
				.append(more.stream()
					.map(hit -> "[" + AnswerMarkdown.plain(hit.question().text()) + "](" + base + hit.question().url()
							+ ")")
					.collect(Collectors.joining(" · ")));
		}
		return reply.toString();
	}

	private static String help(String command, Catalog catalog, String base) {
		String example = catalog.questions().isEmpty() ? "How do I start?" : catalog.questions().get(0).text();
		return "Ask the " + AnswerMarkdown.plain(catalog.site().title()) + " a question: `" + command.strip() + " "
				+ example.replace("`", "'") + "`\nOnly you see the answer. [Browse all answers](" + base + "/)";
	}

	private static String noMatch(String text, String command, String didYouMean, Catalog catalog, String base) {
		String reply = "The " + AnswerMarkdown.plain(catalog.site().title()) + " has no answer for \u201c"
				+ AnswerMarkdown.plain(text) + "\u201d yet. [Search with other words](" + base + "/search?q="
				+ encode(text) + ") or [ask us](" + base + "/ask?q=" + encode(text) + ").";
		if (didYouMean != null) {
			reply = "Did you mean \u201c" + AnswerMarkdown.plain(didYouMean) + "\u201d? Type `" + command.strip() + " "
					+ didYouMean.replace("`", "'") + "`\n" + reply;
		}
		return reply;
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
