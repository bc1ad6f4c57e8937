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
import org.springframework.util.DigestUtils;

/**
 * The files of {@code static/} (CSS, scripts) and the few WebJar files pages use, read
 * once and served like cached pages. Templates link them by a name with their content
 * hash ({@code /css/site-<md5>.css}, through {@link AssetLinks}), which browsers and
 * proxies may keep for a year; the plain name is revalidated like a page. Read on first
 * use. Thread-safe.
 */
@Component
class StaticAssets {

	private static final Logger log = LoggerFactory.getLogger(StaticAssets.class);

	private static final String LOCATION = "classpath:/static/";

	/**
	 * Files of WebJars the pages use, by the address they are served at (without the
	 * WebJar's version, which the content hash replaces): highlight.js, which colours
	 * code in the browser (js/highlight.js says why there).
	 */
	private static final Map<String, String> WEBJAR_FILES = Map.of("/webjars/highlightjs/highlight.min.js",
			"classpath*:/META-INF/resources/webjars/highlightjs/*/highlight.min.js");

	/** A name with the content's hash never changes content. */
	static final String FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable().getHeaderValue();

	private volatile Assets assets;

	/**
	 * The file at {@code path} (plain or hashed name), or {@code null} when there is
	 * none.
	 */
	CachedPage find(String path) {
		return loaded().byPath().get(path);
	}

	/**
	 * The name with the content hash of the file at {@code path}, or {@code path} when it
	 * is no static file.
	 */
	String hashed(String path) {
		return loaded().hashedNames().getOrDefault(path, path);
	}

	private Assets loaded() {
		Assets loaded = assets;
		return loaded != null ? loaded : load();
	}

	private synchronized Assets load() {
		if (assets != null) {
			return assets;
		}
		Map<String, CachedPage> byPath = new HashMap<>();
		Map<String, String> hashedNames = new HashMap<>();
		try {
			PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
			String root = resolver.getResource(LOCATION).getURL().toString();
			for (Resource file : resolver.getResources(LOCATION + "**/*")) {
				String url = file.getURL().toString();
				if (!file.isReadable() || !url.startsWith(root) || url.endsWith("/")) {
					continue;
				}
				String path = "/" + url.substring(root.length());
				add(path, file, byPath, hashedNames);
			}
			for (Map.Entry<String, String> webjar : WEBJAR_FILES.entrySet()) {
				Resource[] found = resolver.getResources(webjar.getValue());
				if (found.length != 1) {
					throw new IllegalStateException("Expected one " + webjar.getValue() + ", found " + found.length);
				}
				add(webjar.getKey(), found[0], byPath, hashedNames);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + LOCATION, ex);
		}
		log.debug("Serving {} static files from memory", hashedNames.size());
		assets = new Assets(Map.copyOf(byPath), Map.copyOf(hashedNames));
		return assets;
	}

	private static void add(String path, Resource file, Map<String, CachedPage> byPath, Map<String, String> hashedNames)
			throws IOException {
		String type = MediaTypeFactory.getMediaType(path).orElse(MediaType.APPLICATION_OCTET_STREAM).toString();
		byte[] content = file.getContentAsByteArray();
		CachedPage asset = CachedPage.of(content, type, CachedPage.REVALIDATE);
		String hashed = withHash(path, DigestUtils.md5DigestAsHex(content));
		byPath.put(path, asset);
		byPath.put(hashed, asset.withCacheControl(FOREVER));
		hashedNames.put(path, hashed);
	}

	/**
	 * {@code /css/site.css} to {@code /css/site-<hash>.css}, as Spring's content version
	 * strategy names them.
	 */
	private static String withHash(String path, String hash) {
		int dot = path.lastIndexOf('.');
		return dot > path.lastIndexOf('/') ? path.substring(0, dot) + '-' + hash + path.substring(dot)
				: path + '-' + hash;
	}

	/** Every file under its plain and hashed name, and each plain name's hashed one. */
	private record Assets(Map<String, CachedPage> byPath, Map<String, String> hashedNames) {
	}

}
