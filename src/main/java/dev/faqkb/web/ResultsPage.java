package dev.faqkb.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import dev.faqkb.site.SearchListener;
import dev.faqkb.site.SearchPerformed;

import org.springframework.http.HttpHeaders;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A search results page made once per snapshot and query, and written for each search
 * with that search's id in its result links (the id under which the search is logged, so
 * that opening a result is counted for it). The page is made with {@link #PLACEHOLDER}
 * for the id and kept in pieces around it, each also compressed once, as raw deflate that
 * ends on a byte boundary; a reader whose browser takes gzip gets the pieces with the id
 * between them as stored (uncompressed) deflate blocks, so no page is compressed per
 * request. Immutable and thread-safe.
 */
final class ResultsPage {

	/**
	 * The id the page is made with; no real search id is this large (ids start at 2^40,
	 * see feedback's SearchLog).
	 */
	static final long PLACEHOLDER = 999_999_999_999_999_999L;

	private static final byte[] ID_LINK = ("/search/opened/" + PLACEHOLDER + "/").getBytes(StandardCharsets.US_ASCII);

	private static final int ID_START = "/search/opened/".length();

	private static final byte[] GZIP_HEADER = { 0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff };

	private final byte[][] pieces;

	private final byte[][] deflated;

	private final long total;

	private final String language;

	private ResultsPage(byte[][] pieces, long total, String language) {
		this.pieces = pieces;
		this.total = total;
		this.language = language;
		this.deflated = new byte[pieces.length][];
		for (int i = 0; i < pieces.length; i++) {
			deflated[i] = deflate(pieces[i], i == pieces.length - 1);
		}
	}

	/**
	 * The page {@code html}, made with {@link #PLACEHOLDER} as its search id in
	 * {@code links} result links, or {@code null} when the placeholder is found elsewhere
	 * too (a query that happens to contain it).
	 * @param total how many questions the search found, for the search log
	 * @param language the translation searched, {@code null} for the default language,
	 * for the search log
	 */
	static ResultsPage of(byte[] html, int links, long total, String language) {
		List<byte[]> pieces = new ArrayList<>(links + 1);
		int from = 0;
		for (int at = indexOf(html, ID_LINK, 0); at >= 0; at = indexOf(html, ID_LINK, at + ID_LINK.length)) {
			pieces.add(Arrays.copyOfRange(html, from, at + ID_START));
			from = at + ID_LINK.length - 1;
		}
		pieces.add(Arrays.copyOfRange(html, from, html.length));
		return pieces.size() == links + 1 ? new ResultsPage(pieces.toArray(byte[][]::new), total, language) : null;
	}

	long total() {
		return total;
	}

	/** What the page takes on the heap, near enough for a cache bound. */
	int weight() {
		int weight = 200;
		for (int i = 0; i < pieces.length; i++) {
			weight += pieces[i].length + deflated[i].length + 32;
		}
		return weight;
	}

	/**
	 * Logs the search for {@code q} in {@code category} that this kept page answers: a
	 * kept page is always a first page (only a first page is logged, so only it has an id
	 * to write), with this page's total. The id to {@linkplain #write write} it with, or
	 * empty when the search cannot be logged and the page is made for the request alone.
	 */
	OptionalLong logged(SearchListener searches, String q, String category) {
		return searches.searched(new SearchPerformed(q, category, total, 1, language));
	}

	void write(long searchId, HttpServletRequest request, HttpServletResponse response) throws IOException {
		byte[] id = Long.toString(searchId).getBytes(StandardCharsets.US_ASCII);
		response.setContentType(PageRenderer.HTML);
		response.setHeader(HttpHeaders.CACHE_CONTROL, CachedPage.NO_STORE);
		response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
		boolean head = "HEAD".equals(request.getMethod());
		if (!CachedPage.acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING))) {
			int length = id.length * (pieces.length - 1);
			for (byte[] piece : pieces) {
				length += piece.length;
			}
			response.setContentLength(length);
			if (!head) {
				OutputStream out = response.getOutputStream();
				for (int i = 0; i < pieces.length; i++) {
					if (i > 0) {
						out.write(id);
					}
					out.write(pieces[i]);
				}
			}
			return;
		}
		response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
		int size = GZIP_HEADER.length + (pieces.length - 1) * (5 + id.length) + 8;
		for (byte[] piece : deflated) {
			size += piece.length;
		}
		response.setContentLength(size);
		if (head) {
			return;
		}
		OutputStream out = response.getOutputStream();
		CRC32 crc = new CRC32();
		long length = 0;
		out.write(GZIP_HEADER);
		for (int i = 0; i < pieces.length; i++) {
			if (i > 0) {
				storedBlock(out, id);
				crc.update(id);
				length += id.length;
			}
			out.write(deflated[i]);
			crc.update(pieces[i]);
			length += pieces[i].length;
		}
		byte[] trailer = new byte[8];
		littleEndian(trailer, 0, (int) crc.getValue());
		littleEndian(trailer, 4, (int) length);
		out.write(trailer);
	}

	/**
	 * A deflate block of {@code bytes} as they are (RFC 1951, 3.2.4): at a byte boundary,
	 * not the last block.
	 */
	private static void storedBlock(OutputStream out, byte[] bytes) throws IOException {
		int length = bytes.length;
		// BFINAL 0 and BTYPE 00 padded to the byte boundary, LEN and its complement NLEN,
		// then the bytes
		out.write(new byte[] { 0, (byte) length, (byte) (length >>> 8), (byte) ~length, (byte) (~length >>> 8) });
		out.write(bytes);
	}

	private static void littleEndian(byte[] into, int at, int value) {
		into[at] = (byte) value;
		into[at + 1] = (byte) (value >>> 8);
		into[at + 2] = (byte) (value >>> 16);
		into[at + 3] = (byte) (value >>> 24);
	}

	/**
	 * {@code piece} as raw deflate on its own (no reference to other pieces, whose
	 * neighbours change per request): ending with a sync flush, which leaves the stream
	 * at a byte boundary, or, for the last piece, the final block.
	 */
	private static byte[] deflate(byte[] piece, boolean last) {
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
		try {
			deflater.setInput(piece);
			ByteArrayOutputStream out = new ByteArrayOutputStream(piece.length / 3 + 64);
			byte[] buffer = new byte[8192];
			if (last) {
				deflater.finish();
				while (!deflater.finished()) {
					out.write(buffer, 0, deflater.deflate(buffer));
				}
			}
			else {
				int written;
				do {
					written = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
					out.write(buffer, 0, written);
				}
				while (written == buffer.length);
			}
			return out.toByteArray();
		}
		finally {
			deflater.end();
		}
	}

	private static int indexOf(byte[] haystack, byte[] needle, int from) {
		outer: for (int i = from; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
