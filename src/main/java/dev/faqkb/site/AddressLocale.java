package dev.faqkb.site;

import java.util.Locale;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The locale of a reply is the language of its address: {@code /fr/...} is French when
 * the site has a French translation, every other address the default language
 * ({@code site.yml} {@code language:}). Never the browser's {@code Accept-Language}, so
 * that an address always answers the same words. Pages rendered by
 * {@code web.PageRenderer} choose their language themselves; this is for the replies
 * Spring MVC renders (error pages, the thank-you page after a vote without JavaScript).
 * For an error the servlet container forwards, the address is the one that failed.
 * Thread-safe.
 */
@Component(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
public class AddressLocale implements LocaleResolver {

	private final SnapshotStore store;

	AddressLocale(SnapshotStore store) {
		this.store = store;
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return Locale.forLanguageTag(edition(request, SnapshotAdvice.of(request, store)).language());
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		throw new UnsupportedOperationException("the locale is the address's language");
	}

	/**
	 * The language {@code request}'s address is in: the translation its first segment
	 * names, else the default language.
	 */
	static Snapshot.Edition edition(HttpServletRequest request, Snapshot snapshot) {
		Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = failed instanceof String uri ? uri : request.getRequestURI();
		String context = request.getContextPath();
		if (context != null && !context.isEmpty() && path.startsWith(context)) {
			path = path.substring(context.length());
		}
		int end = path.indexOf('/', 1);
		String first = end < 0 ? path.substring(Math.min(1, path.length())) : path.substring(1, end);
		Snapshot.Edition translated = first.isEmpty() ? null : snapshot.translations().get(first);
		return translated != null ? translated : snapshot.original();
	}

}
