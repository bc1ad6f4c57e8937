package dev.faqkb.search;

import dev.faqkb.system.PlainText;

/**
 * The most work any one query may cause, in one place: what a visitor types (a search, a
 * suggestion, the {@code hl} words of an answer page, the words of an unknown address) is
 * answered within these limits, with fewer alternatives when it asks for more, never with
 * an error. Every labelled query of {@code SearchQualityTest} ranks as it would without
 * these limits. {@code QueryCostBenchmark} measures the slowest inputs (its figures, and
 * how the labelled queries sit within the limits: bench/README.md, "The slowest
 * queries").
 *
 * @param maxChars characters of a text that are analysed; the search box, the API, the
 * slash command, the MCP tool and "Ask us" take no more (a 400 beyond, or cut where the
 * reader cannot be told). The limit's one home: the OpenAPI description, the MCP tool's
 * schema and the search box's {@code maxlength} are tested against it
 * @param maxWords distinct words searched: each CJK character is a word of its own, so a
 * long Chinese question searches its first ones
 * @param maxClauses clauses (Lucene's leaf queries and terms) of all the queries of one
 * search together; Lucene refuses a query of more than 1,024
 * ({@code IndexSearcher.getMaxClauseCount()})
 * @param maxTypoWords words expanded to their near spellings, and unknown words respelled
 * for "Did you mean": building a Levenshtein automaton for a word not seen before is the
 * costly part of a query, whatever its length
 * @param maxTypoLength longer words are matched as typed (and not split into known
 * words), which keeps a long new word as cheap as a short one
 * @param maxAlternatives near spellings kept per word, the closest and most common first
 * @param maxMarkedChars characters of an answer in which the words of a search are marked
 * ({@code ?hl=}, snippets)
 */
public record QueryBudget(int maxChars, int maxWords, int maxClauses, int maxTypoWords, int maxTypoLength,
		int maxAlternatives, int maxMarkedChars) {

	public static final QueryBudget DEFAULT = new QueryBudget(256, 32, 1024, 8, 20, 8, 100_000);

	/**
	 * The part of {@code text} that is analysed: its first {@link #maxChars} characters.
	 * The search log keeps the same part.
	 */
	public String cut(String text) {
		// never half a surrogate pair: the analyzers would see a broken character
		return PlainText.cut(text, maxChars);
	}

	/** A fresh account of the work of one query. Not thread-safe: one per query. */
	Meter meter() {
		return new Meter(this);
	}

	/**
	 * What one query costs, as it was built.
	 *
	 * @param words distinct words searched
	 * @param typoWords words expanded to their near spellings
	 * @param alternatives near spellings searched, all words together
	 * @param clauses Lucene clauses of all the query's parts together
	 */
	public record Work(int words, int typoWords, int alternatives, int clauses) {
	}

	/**
	 * Counts the work of one query as it is planned, and says when a part would go beyond
	 * the budget.
	 */
	static final class Meter {

		private final QueryBudget budget;

		private int words;

		private int typoWords;

		private int alternatives;

		private int clauses;

		private Meter(QueryBudget budget) {
			this.budget = budget;
		}

		/** Takes a word of {@code cost} clauses if both still fit. */
		boolean word(int cost) {
			if (words >= budget.maxWords || !clauses(cost)) {
				return false;
			}
			words++;
			return true;
		}

		/** Takes {@code cost} clauses if they fit. */
		boolean clauses(int cost) {
			if (clauses + cost > budget.maxClauses) {
				return false;
			}
			clauses += cost;
			return true;
		}

		/**
		 * Whether one more word may be expanded to its near spellings; takes it if so.
		 */
		boolean typoWord() {
			if (typoWords >= budget.maxTypoWords) {
				return false;
			}
			typoWords++;
			return true;
		}

		/**
		 * How many of {@code wanted} near spellings fit when each costs {@code costEach}
		 * clauses; takes them.
		 */
		int alternatives(int wanted, int costEach) {
			int fit = Math.min(wanted, (budget.maxClauses - clauses) / costEach);
			clauses += fit * costEach;
			alternatives += fit;
			return fit;
		}

		Work work() {
			return new Work(words, typoWords, alternatives, clauses);
		}

	}

}
