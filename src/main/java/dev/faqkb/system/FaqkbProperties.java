package dev.faqkb.system;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Every setting of faqkb, bound from {@code faqkb.*} (environment variables such as
 * {@code FAQKB_CONTENT_DIR} work through Boot's relaxed binding).
 *
 * @param contentDir the folder of Markdown category files and the optional
 * {@code site.yml}
 * @param dataDir where the embedded database keeps its files
 * @param content how content is loaded
 * @param feedback votes, comments, search and view logging
 * @param admin who may see {@code /admin/insights}
 * @param integrations the chat slash command and the MCP server
 * @param ask "Didn't find your answer? Ask us"
 * @param pages the cache of rendered pages
 * @param search how search ranks
 * @param database how the database is used
 */
@ConfigurationProperties("faqkb")
public record FaqkbProperties(@DefaultValue("content") Path contentDir, @DefaultValue("data") Path dataDir,
		@DefaultValue Content content, @DefaultValue Feedback feedback, @DefaultValue Admin admin,
		@DefaultValue Integrations integrations, @DefaultValue Ask ask, @DefaultValue Pages pages,
		@DefaultValue Search search, @DefaultValue Database database) {

	/**
	 * @param watch reload the content folder when a file in it changes
	 * @param showDrafts serve categories and questions marked as drafts
	 * @param maxFileSize the largest image or file of the content folder that answers may
	 * use; a larger one is a content error
	 * @param gitDates when the content folder is in a git work tree, date each answer by
	 * the last commit that changed its lines
	 */
	public record Content(@DefaultValue("true") boolean watch, @DefaultValue("false") boolean showDrafts,
			@DefaultValue("10MB") DataSize maxFileSize, @DefaultValue("true") boolean gitDates) {

		@ConstructorBinding
		public Content {
		}

		/** With the default size limit, 10 MB, and dates from git. */
		public Content(boolean watch, boolean showDrafts) {
			this(watch, showDrafts, DataSize.ofMegabytes(10), true);
		}

	}

	/**
	 * @param rateLimit feedback posts one client address may send per minute (per
	 * instance); more get a 429
	 * @param viewFlushInterval how often page-view counters kept in memory are written to
	 * the database
	 * @param searchLogRetention how long logged searches (and which of their results were
	 * opened) are kept
	 */
	public record Feedback(@DefaultValue("20") int rateLimit, @DefaultValue("10s") Duration viewFlushInterval,
			@DefaultValue("180d") Duration searchLogRetention) {
	}

	/**
	 * @param cacheSize how much of the heap rendered pages may take (their gzipped
	 * bytes); pages beyond it are rendered again when asked for
	 * @param largeAnswer answers whose HTML is longer (in characters) are large: so that
	 * no request copies one, the words of a search are not marked in it ({@code ?hl=}
	 * gets the page made once for everyone), and the pages that hold one are made one at
	 * a time
	 */
	public record Pages(@DefaultValue("32MB") DataSize cacheSize, @DefaultValue("100KB") DataSize largeAnswer) {
	}

	/**
	 * @param username user name for HTTP Basic on the admin pages
	 * @param password password for the admin pages ({@code FAQKB_ADMIN_PASSWORD}); empty
	 * turns them off (404)
	 */
	public record Admin(@DefaultValue("admin") String username, @DefaultValue("") String password) {

		public boolean enabled() {
			return password != null && !password.isBlank();
		}

	}

	public record Integrations(@DefaultValue Slash slash, @DefaultValue Mcp mcp) {
	}

	/**
	 * @param tokens the tokens Mattermost or Slack shows for the slash command; any of
	 * them is accepted
	 * @param signingSecrets the signing secrets of Slack apps; a request signed with any
	 * of them is accepted
	 * @param rateLimit commands one chat user may send per minute (per instance)
	 */
	public record Slash(@DefaultValue List<String> tokens, @DefaultValue List<String> signingSecrets,
			@DefaultValue("20") int rateLimit) {

		/**
		 * Without a token or a signing secret, {@code /integrations/slash} is off (404).
		 */
		public boolean enabled() {
			return tokens.stream().anyMatch(token -> !token.isBlank())
					|| signingSecrets.stream().anyMatch(secret -> !secret.isBlank());
		}

	}

	/**
	 * @param enabled serve the MCP server at {@code /mcp}
	 * @param rateLimit MCP requests one client address may send per minute (per instance)
	 */
	public record Mcp(@DefaultValue("true") boolean enabled, @DefaultValue("60") int rateLimit) {
	}

	/**
	 * @param rateLimit questions one client address may send per minute (per instance)
	 */
	public record Ask(@DefaultValue("5") int rateLimit) {
	}

	/**
	 * @param semantic ranking by meaning (sentence embeddings) on top of the words
	 */
	public record Search(@DefaultValue Semantic semantic) {
	}

	/**
	 * @param minFreeSpace for the embedded database: while the disk of {@code dataDir}
	 * has less free space than this, votes and questions are refused (503) rather than
	 * risked on a disk about to fill up
	 */
	public record Database(@DefaultValue("16MB") DataSize minFreeSpace) {
	}

	/**
	 * @param enabled load the embedding model and rank by meaning too; {@code false}
	 * never loads it (search is by words alone, with a faster start and less memory:
	 * bench/README.md, "Semantic search")
	 * @param threads threads that embed the questions in the background (each uses one
	 * core while it runs)
	 */
	public record Semantic(@DefaultValue("true") boolean enabled, @DefaultValue("1") int threads) {
	}

}
