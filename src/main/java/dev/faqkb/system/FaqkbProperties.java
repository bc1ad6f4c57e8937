package dev.faqkb.system;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every setting of faqkb, bound from {@code faqkb.*} (environment variables such as
 * {@code FAQKB_CONTENT_DIR} work through Boot's relaxed binding).
 *
 * @param contentDir the folder of Markdown category files and the optional {@code site.yml}
 * @param dataDir where the embedded database keeps its files
 * @param content how content is loaded
 * @param feedback votes, comments, search and view logging
 * @param admin who may see {@code /admin/insights}
 * @param search how search ranks
 */
@ConfigurationProperties("faqkb")
public record FaqkbProperties(@DefaultValue("content") Path contentDir, @DefaultValue("data") Path dataDir,
		@DefaultValue Content content, @DefaultValue Feedback feedback, @DefaultValue Admin admin,
		@DefaultValue Search search) {

	/**
	 * @param watch reload the content folder when a file in it changes
	 * @param showDrafts serve categories and questions marked as drafts
	 */
	public record Content(@DefaultValue("true") boolean watch, @DefaultValue("false") boolean showDrafts) {
	}

	/**
	 * @param rateLimit feedback posts one client address may send per minute (per instance); more get a 429
	 * @param viewFlushInterval how often page-view counters kept in memory are written to the database
	 */
	public record Feedback(@DefaultValue("20") int rateLimit, @DefaultValue("10s") Duration viewFlushInterval) {
	}

	/**
	 * @param username user name for HTTP Basic on the admin pages
	 * @param password password for the admin pages ({@code FAQKB_ADMIN_PASSWORD}); empty turns them off (404)
	 */
	public record Admin(@DefaultValue("admin") String username, @DefaultValue("") String password) {

		public boolean enabled() {
			return password != null && !password.isBlank();
		}

	}

	/**
	 * @param semantic ranking by meaning (sentence embeddings) on top of the words
	 */
	public record Search(@DefaultValue Semantic semantic) {
	}

	/**
	 * @param enabled load the embedding model and rank by meaning too; {@code false} never loads it (search is
	 * by words alone: faster start, about 100 MB less memory)
	 * @param threads threads that embed the questions in the background (each uses one core while it runs)
	 */
	public record Semantic(@DefaultValue("true") boolean enabled, @DefaultValue("1") int threads) {
	}

}
