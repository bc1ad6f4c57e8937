package dev.faqkb.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.StandardOpenOption;
import java.util.List;

import dev.faqkb.content.ServedFile;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes a file of the content folder that is not kept in memory (a picture, a PDF, an
 * archive): {@code ETag} and {@code 304}, one {@code Range} ({@code 206}; several are
 * answered with the whole file, as RFC 9110 allows, and an impossible one with
 * {@code 416}), {@code If-Range}, and {@code HEAD}. The body goes by Tomcat's sendfile
 * when the connector offers it: the kernel copies the file to the socket, as nginx does,
 * instead of the file passing through the JVM in 8 KB pieces, which is what Spring's
 * {@code ResourceHttpRequestHandler} does (bench/README.md "Pictures from the content
 * folder"). Elsewhere (MockMvc, another server) the file is copied by a file channel.
 */
final class FileReply {

	// Tomcat's request attributes for sendfile (org.apache.coyote.Constants), set by its
	// NIO connector.
	static final String SENDFILE_SUPPORT = "org.apache.tomcat.sendfile.support";

	static final String SENDFILE_FILENAME = "org.apache.tomcat.sendfile.filename";

	static final String SENDFILE_START = "org.apache.tomcat.sendfile.start";

	static final String SENDFILE_END = "org.apache.tomcat.sendfile.end";

	private FileReply() {
	}

	/**
	 * Writes {@code file}, whose size is {@link ServedFile#size()}, with the given
	 * caching headers.
	 */
	static void write(ServedFile file, String cacheControl, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		String etag = '"' + file.hash() + '"';
		response.setHeader(HttpHeaders.ETAG, etag);
		response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
		response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
		if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		long length = file.size();
		long start = 0;
		long end = length - 1;
		String range = request.getHeader(HttpHeaders.RANGE);
		String ifRange = request.getHeader(HttpHeaders.IF_RANGE);
		if (range != null && (ifRange == null || ifRange.equals(etag))) {
			List<HttpRange> ranges;
			try {
				ranges = HttpRange.parseRanges(range);
				if (ranges.size() == 1) {
					start = ranges.get(0).getRangeStart(length);
					end = ranges.get(0).getRangeEnd(length);
					if (start >= length || start > end) {
						throw new IllegalArgumentException("no byte of the file is in " + range);
					}
				}
			}
			catch (IllegalArgumentException unsatisfiable) {
				response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + length);
				response.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
				return;
			}
			if (ranges.size() == 1) {
				response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
				response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes " + start + "-" + end + "/" + length);
			}
		}
		response.setContentType(file.type().contentType());
		response.setContentLengthLong(end - start + 1);
		if ("HEAD".equals(request.getMethod()) || end < start) {
			return;
		}
		if (Boolean.TRUE.equals(request.getAttribute(SENDFILE_SUPPORT))) {
			request.setAttribute(SENDFILE_FILENAME, file.file().toAbsolutePath().toString());
			request.setAttribute(SENDFILE_START, start);
			request.setAttribute(SENDFILE_END, end + 1);
			return;
		}
		try (FileChannel channel = FileChannel.open(file.file(), StandardOpenOption.READ)) {
			OutputStream out = response.getOutputStream();
			WritableByteChannel target = Channels.newChannel(out);
			long position = start;
			while (position <= end) {
				long sent = channel.transferTo(position, end + 1 - position, target);
				if (sent <= 0) {
					break; // the file got shorter: the connection ends short, as the
							// length said otherwise
				}
				position += sent;
			}
		}
	}

	/** Weak comparison, as RFC 9110 asks for {@code If-None-Match}. */
	private static boolean matches(String ifNoneMatch, String etag) {
		return CachedPage.matches(ifNoneMatch, etag);
	}

}
