package dev.faqkb.web;

import dev.faqkb.content.SiteInfo;
import dev.faqkb.site.Snapshot;
import dev.faqkb.site.SnapshotStore;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Reads the current snapshot once per request, so that the page and everything on it come from the
 * same content even while a reload swaps in new content.
 */
@ControllerAdvice
class SnapshotAdvice {

	private final SnapshotStore store;

	SnapshotAdvice(SnapshotStore store) {
		this.store = store;
	}

	/** The snapshot this request reads, also kept as a request attribute for the error pages. */
	static Snapshot of(HttpServletRequest request, SnapshotStore store) {
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
		SiteInfo site = snapshot.catalog().site();
		model.addAttribute("site", site);
		return snapshot;
	}

}
