package dev.faqkb.web;

import dev.faqkb.content.SiteInfo;
import dev.faqkb.site.Snapshot;
import dev.faqkb.site.SnapshotStore;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

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

	@ModelAttribute("snapshot")
	Snapshot snapshot(Model model) {
		Snapshot snapshot = store.current();
		SiteInfo site = snapshot.catalog().site();
		model.addAttribute("site", site);
		return snapshot;
	}

}
