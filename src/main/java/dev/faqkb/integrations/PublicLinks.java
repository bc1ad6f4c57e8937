package dev.faqkb.integrations;

import dev.faqkb.content.SiteInfo;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The site's absolute address for links that leave it (chat, AI assistants, llms.txt): {@code baseUrl} from
 * {@code site.yml}, or else the address the request came to, which is one that the caller can reach.
 */
final class PublicLinks {

	private PublicLinks() {
	}

	static String base(SiteInfo site, HttpServletRequest request) {
		if (!site.baseUrl().isEmpty()) {
			return site.baseUrl();
		}
		return ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString();
	}

}
