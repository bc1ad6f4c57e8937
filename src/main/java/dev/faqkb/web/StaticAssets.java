package dev.faqkb.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The files of {@code static/} (CSS, scripts), read once and served like cached pages. Pages link to them by a name
 * with their content hash ({@code /css/site-1a2b….css}, made by Spring's resource chain,
 * {@code spring.web.resources.chain.strategy.content}), which browsers and proxies may keep for a year; the plain
 * name is revalidated like a page. Files are read on the first request, once Spring's resource handling is set up.
 * Thread-safe.
 */
@Component
class StaticAssets {

	private static final Logger log = LoggerFactory.getLogger(StaticAssets.class);

	private static final String LOCATION = "classpath:/static/";

	/** A name with the content's hash never changes content. */
	static final String FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable().getHeaderValue();

	private final ResourceUrlProvider urls;

	private volatile Map<String, CachedPage> byPath;

	StaticAssets(ResourceUrlProvider urls) {
		this.urls = urls;
	}

	/** The file at {@code path} (plain or hashed name), or {@code null} when there is none. */
	CachedPage find(String path) {
		Map<String, CachedPage> assets = byPath;
		if (assets == null) {
			assets = load();
		}
		return assets.get(path);
	}

	private synchronized Map<String, CachedPage> load() {
		if (byPath != null) {
			return byPath;
		}
		Map<String, CachedPage> assets = new HashMap<>();
		try {
			PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
			String root = resolver.getResource(LOCATION).getURL().toString();
			for (Resource file : resolver.getResources(LOCATION + "**/*")) {
				String url = file.getURL().toString();
				if (!file.isReadable() || !url.startsWith(root) || url.endsWith("/")) {
					continue;
				}
				String path = "/" + url.substring(root.length());
				String type = MediaTypeFactory.getMediaType(path).orElse(MediaType.APPLICATION_OCTET_STREAM).toString();
				CachedPage asset = CachedPage.of(file.getContentAsByteArray(), type, CachedPage.REVALIDATE);
				assets.put(path, asset);
				String hashed = urls.getForLookupPath(path);
				if (hashed != null && !hashed.equals(path)) {
					assets.put(hashed, asset.withCacheControl(FOREVER));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + LOCATION, ex);
		}
		log.debug("Serving {} static files from memory", assets.size());
		byPath = Map.copyOf(assets);
		return byPath;
	}

}
