package dev.faqkb.site;

import java.util.List;
import java.util.Map;

import dev.faqkb.content.Question;
import dev.faqkb.search.SearchHit;
import dev.faqkb.system.ErrorPageContributor;
import dev.faqkb.system.Problem;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Reads the current snapshot once per request, so that the page and everything on it come
 * from the same content even while a reload swaps in new content. Handlers get it as the
 * model attribute {@code snapshot}, pages also get {@code site}. Error pages get both
 * from the same snapshot, and for an unknown category or question, the closest questions
 * ({@code nearest}).
 */
@ControllerAdvice
public class SnapshotAdvice implements ErrorPageContributor {

	private static final int NEAREST = 5;

	private final SnapshotStore store;

	SnapshotAdvice(SnapshotStore store) {
		this.store = store;
	}

	/**
	 * The snapshot {@code request} reads: the current one when first asked, then the same
	 * one to its end.
	 */
	public static Snapshot of(HttpServletRequest request, SnapshotStore store) {
		Object chosen = request.getAttribute(Snapshot.class.getName());
		if (chosen instanceof Snapshot snapshot) {
			return snapshot;
		}
		Snapshot snapshot = store.current();
		request.setAttribute(Snapshot.class.getName(), snapshot);
		return snapshot;
	}

	@ModelAttribute("snapshot")
	Snapshot snapshot(Model model, HttpServletRequest request) {
		Snapshot snapshot = of(request, store);
		model.addAttribute("site", snapshot.catalog().site());
		return snapshot;
	}

	@Override
	public void contribute(HttpServletRequest request, Problem problem, Throwable cause, Map<String, Object> model) {
		Snapshot snapshot = of(request, store);
		model.put("snapshot", snapshot);
		// the site's title and language, and its links, as the address's language has
		// them
		Snapshot.Edition edition = AddressLocale.edition(request, snapshot);
		model.put("site", edition.catalog().site());
		model.put("addressBase", edition.base());
		if (cause instanceof NotInCatalogException missing && missing.id() != null) {
			model.put("nearest", nearest(snapshot, missing));
		}
	}

	private static List<Question> nearest(Snapshot snapshot, NotInCatalogException missing) {
		// The words of a mistyped or removed id usually find the question it meant, in
		// the address's language.
		return snapshot.edition(missing.language() == null ? snapshot.catalog().language() : missing.language())
			.orElse(snapshot.original())
			.index()
			.search(missing.id().replace('-', ' ').replace('_', ' '), missing.category(), 0, NEAREST)
			.hits()
			.stream()
			.map(SearchHit::question)
			.toList();
	}

}
