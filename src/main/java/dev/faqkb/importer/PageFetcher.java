package dev.faqkb.importer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * Reads a web page to import, from a file or an {@code http(s)} address: at most
 * {@link #MAX_BYTES} bytes, the whole fetch (redirects included) within {@link #TIMEOUT},
 * redirects followed only to {@code http} and {@code https} (never from {@code https}
 * down to {@code http}), at most {@link #MAX_REDIRECTS} of them. Pages are parsed with
 * their source positions, so that problems name lines. Thread-safe.
 */
class PageFetcher {

	/** A parsed page and the address it was read from, or {@code null} for a file. */
	record Page(Document document, URI address) {
	}

	static final long MAX_BYTES = 5L * 1024 * 1024;

	static final Duration TIMEOUT = Duration.ofSeconds(30);

	static final int MAX_REDIRECTS = 5;

	private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([^\";\\s]+)");

	private final long maxBytes;

	private final Duration timeout;

	private final HttpClient client;

	PageFetcher() {
		this(MAX_BYTES, TIMEOUT);
	}

	/** For tests: other limits. */
	PageFetcher(long maxBytes, Duration timeout) {
		this.maxBytes = maxBytes;
		this.timeout = timeout;
		// Redirects are followed by hand, to check each one's scheme.
		this.client = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(timeout)
			.build();
	}

	/**
	 * @throws SourceException when the file cannot be read or is too large
	 */
	Page file(Path file) {
		try {
			if (Files.size(file) > maxBytes) {
				throw new SourceException(0, "larger than " + size(maxBytes) + ": not imported");
			}
			return new Page(parse(Files.readAllBytes(file), null, ""), null);
		}
		catch (IOException ex) {
			throw new SourceException(0, "cannot read: " + ex, ex);
		}
	}

	/**
	 * @throws SourceException when the page cannot be fetched within the limits
	 */
	Page fetch(URI address) {
		long deadline = System.nanoTime() + timeout.toNanos();
		URI current = address;
		for (int redirects = 0;; redirects++) {
			HttpResponse<byte[]> response = get(current, deadline);
			int status = response.statusCode();
			if (status >= 300 && status < 400 && response.headers().firstValue("location").isPresent()) {
				URI next = redirect(current, response.headers().firstValue("location").get());
				if (redirects == MAX_REDIRECTS) {
					throw new SourceException(0, "more than " + MAX_REDIRECTS + " redirects: not followed");
				}
				current = next;
				continue;
			}
			if (status != 200) {
				throw new SourceException(0, "cannot fetch " + current + ": HTTP " + status);
			}
			String type = response.headers().firstValue("content-type").orElse("text/html");
			String mediaType = type.split(";")[0].strip().toLowerCase(Locale.ROOT);
			if (!mediaType.equals("text/html") && !mediaType.equals("application/xhtml+xml")) {
				throw new SourceException(0, "not an HTML page: " + current + " is " + mediaType);
			}
			return new Page(parse(response.body(), charset(type), current.toString()), current);
		}
	}

	private HttpResponse<byte[]> get(URI address, long deadline) {
		long remaining = deadline - System.nanoTime();
		if (remaining <= 0) {
			throw timedOut();
		}
		HttpRequest request = HttpRequest.newBuilder(address)
			.timeout(Duration.ofNanos(remaining))
			.header("Accept", "text/html,application/xhtml+xml")
			.header("User-Agent", "faqkb-import")
			.GET()
			.build();
		CompletableFuture<HttpResponse<byte[]>> response = client.sendAsync(request,
				info -> new LimitedBody(maxBytes, info.headers().firstValueAsLong("content-length").orElse(-1)));
		try {
			return response.get(remaining, TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			response.cancel(true);
			throw timedOut();
		}
		catch (InterruptedException ex) {
			response.cancel(true);
			Thread.currentThread().interrupt();
			throw new SourceException(0, "interrupted while fetching " + address, ex);
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof TooLarge) {
				throw new SourceException(0, "larger than " + size(maxBytes) + ": not imported");
			}
			if (cause instanceof java.net.http.HttpTimeoutException) {
				throw timedOut();
			}
			throw new SourceException(0, "cannot fetch " + address + ": " + cause, cause);
		}
	}

	private SourceException timedOut() {
		return new SourceException(0, "no complete answer within " + timeout.toSeconds() + " s"
				+ (timeout.toSeconds() == 0 ? " (" + timeout.toMillis() + " ms)" : "") + ": not imported");
	}

	private static URI redirect(URI from, String location) {
		URI next;
		try {
			next = from.resolve(location.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new SourceException(0, "redirected to '" + location + "', which is not a valid address");
		}
		String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new SourceException(0, "redirected to '" + next + "': only http and https redirects are followed");
		}
		if (from.getScheme().equalsIgnoreCase("https") && scheme.equals("http")) {
			throw new SourceException(0,
					"redirected from https to '" + next + "': a redirect to plain http is not followed");
		}
		return next;
	}

	private static String charset(String contentType) {
		Matcher found = CHARSET.matcher(contentType);
		if (!found.find()) {
			return null;
		}
		try {
			return Charset.forName(found.group(1)).name();
		}
		catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
			return null;
		}
	}

	/**
	 * The page with every element's position, its charset from the server, else from the
	 * page (meta, BOM).
	 */
	private static Document parse(byte[] bytes, String charset, String baseUri) {
		try {
			return Jsoup.parse(new ByteArrayInputStream(bytes), charset, baseUri,
					Parser.htmlParser().setTrackPosition(true));
		}
		catch (IOException ex) {
			throw new SourceException(0, "cannot read the page: " + ex, ex);
		}
	}

	private static String size(long bytes) {
		return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes + " bytes";
	}

	private static final class TooLarge extends IOException {

		TooLarge() {
			super("too large");
		}

	}

	/** A body read into memory up to a limit; past it, the download is cancelled. */
	private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

		private final long max;

		private final long announced;

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		private final CompletableFuture<byte[]> body = new CompletableFuture<>();

		private Flow.Subscription subscription;

		LimitedBody(long max, long announced) {
			this.max = max;
			this.announced = announced;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
			if (announced > max) {
				subscription.cancel();
				body.completeExceptionally(new TooLarge());
				return;
			}
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(List<ByteBuffer> items) {
			if (body.isDone()) {
				return;
			}
			for (ByteBuffer item : items) {
				if (bytes.size() + (long) item.remaining() > max) {
					subscription.cancel();
					body.completeExceptionally(new TooLarge());
					return;
				}
				byte[] chunk = new byte[item.remaining()];
				item.get(chunk);
				bytes.write(chunk, 0, chunk.length);
			}
		}

		@Override
		public void onError(Throwable error) {
			body.completeExceptionally(error);
		}

		@Override
		public void onComplete() {
			body.complete(bytes.toByteArray());
		}

		@Override
		public CompletionStage<byte[]> getBody() {
			return body;
		}

	}

}
