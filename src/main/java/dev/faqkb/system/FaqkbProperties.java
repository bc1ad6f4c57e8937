package dev.faqkb.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every setting of faqkb, bound from {@code faqkb.*} (environment variables such as
 * {@code FAQKB_CONTENT_DIR} work through Boot's relaxed binding).
 *
 * @param contentDir the folder of Markdown category files and the optional {@code site.yml}
 * @param dataDir where the embedded database keeps its files
 * @param content how content is loaded
 */
@ConfigurationProperties("faqkb")
public record FaqkbProperties(@DefaultValue("content") Path contentDir, @DefaultValue("data") Path dataDir,
		@DefaultValue Content content) {

	/**
	 * @param watch reload the content folder when a file in it changes
	 * @param showDrafts serve categories and questions marked as drafts
	 */
	public record Content(@DefaultValue("true") boolean watch, @DefaultValue("false") boolean showDrafts) {
	}

}
