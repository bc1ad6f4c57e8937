package dev.faqkb.system;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Every setting of faqkb, bound from {@code faqkb.*} (environment variables such as
 * {@code FAQKB_CONTENT_DIR} work through Boot's relaxed binding).
 *
 * @param contentDir the folder of Markdown category files and the optional {@code site.yml}
 * @param dataDir where the embedded database keeps its files
 * @param content how content is loaded
 * @param feedback votes, comments, search and view logging
 * @param admin who may see {@code /admin/insights}
 * @param pages the cache of rendered pages
 */
@ConfigurationProperties("faqkb")
public record FaqkbProperties(@DefaultValue("content") Path contentDir, @DefaultValue("data") Path dataDir,
		@DefaultValue Content content, @DefaultValue Feedback feedback, @DefaultValue Admin admin,
		@DefaultValue Pages pages) {

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
	 * @param cacheSize how much of the heap rendered pages may take (their gzipped bytes); pages beyond it are
	 * rendered again when asked for
	 */
	public record Pages(@DefaultValue("32MB") DataSize cacheSize) {
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

}
