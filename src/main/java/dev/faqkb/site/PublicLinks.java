package dev.faqkb.site;

import dev.faqkb.content.SiteInfo;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The site's absolute address for links that leave it (sitemap, robots.txt, OpenSearch,
 * chat, AI assistants, llms.txt): {@code baseUrl} from {@code site.yml}, or else the
 * address the request came to, which is one that the caller can reach. In site because
 * web and integrations both need it and neither may depend on the other.
 */
public final class PublicLinks {

	private PublicLinks() {
	}

	/**
	 * {@code baseUrl} from {@code site.yml}, or this request's scheme, host, port and
	 * context path (which honour {@code X-Forwarded-*} when
	 * {@code server.forward-headers-strategy} says so).
	 */
	public static String base(SiteInfo site, HttpServletRequest request) {
		if (!site.baseUrl().isEmpty()) {
			return site.baseUrl();
		}
		return ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
	}

}
