package dev.faqkb.web;

import java.io.IOException;

import dev.faqkb.content.ServedFile;
import dev.faqkb.site.Snapshot;
import dev.faqkb.system.NotFoundException;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The images and files of the content folder at {@code /files/<hash>/<name>}
 * ({@link ServedFile#url()}) when {@link CachedPagesFilter} did not serve them: an
 * address spelled otherwise than pages link it, or no such file (404). Nothing else of
 * the folder is ever served: only the files of the request's snapshot
 * ({@link dev.faqkb.content.ServedFiles}) are looked up, by address, and no part of the
 * address becomes a path.
 */
@Controller
class ContentFilesController {

	private final ContentFileReplies replies;

	ContentFilesController(ContentFileReplies replies) {
		this.replies = replies;
	}

	@GetMapping(ServedFile.PREFIX + "{hash}/{name}")
	void file(@ModelAttribute("snapshot") Snapshot snapshot, @PathVariable String hash, @PathVariable String name,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		ServedFile file = snapshot.catalog().files().find(hash, name).orElseThrow(ContentFilesController::notFound);
		if (!replies.write(file, request, response)) {
			throw notFound();
		}
	}

	private static NotFoundException notFound() {
		return new NotFoundException("There is no such file.");
	}

}
