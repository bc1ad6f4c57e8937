package dev.faqkb.integrations;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signing (api.slack.com/authentication/verifying-requests-from-slack): a
 * request is Slack's when {@value #SIGNATURE} is {@code v0=} and the hex HMAC-SHA256,
 * keyed with an app's signing secret, of {@code v0:<timestamp>:<body>}, where the
 * timestamp is {@value #TIMESTAMP} and within {@link #TOLERANCE} of now (an older request
 * may be a replay). Safe for concurrent use.
 */
final class SlackSignatures {

	static final String TIMESTAMP = "X-Slack-Request-Timestamp";

	static final String SIGNATURE = "X-Slack-Signature";

	static final Duration TOLERANCE = Duration.ofMinutes(5);

	static final String INCOMPLETE = "A signed Slack request needs both " + TIMESTAMP + " and " + SIGNATURE + ".";

	static final String NOT_SECONDS = "The " + TIMESTAMP + " of this request is not a time in seconds.";

	static final String STALE = "The " + TIMESTAMP + " of this request is more than " + TOLERANCE.toMinutes()
			+ " minutes from faqkb's clock: a replayed request, or a server clock that is wrong.";

	static final String MISMATCH = "The " + SIGNATURE + " of this request does not match any signing secret faqkb has.";

	private static final String ALGORITHM = "HmacSHA256";

	// Slack sends whole seconds since the epoch; eighteen digits cannot overflow a long.
	private static final Pattern SECONDS = Pattern.compile("[0-9]{1,18}");

	private final List<SecretKeySpec> keys;

	private final Clock clock;

	SlackSignatures(List<String> secrets, Clock clock) {
		this.keys = secrets.stream()
			.filter(secret -> !secret.isBlank())
			.map(secret -> new SecretKeySpec(secret.strip().getBytes(StandardCharsets.UTF_8), ALGORITHM))
			.toList();
		this.clock = clock;
	}

	int count() {
		return keys.size();
	}

	/**
	 * Empty when {@code signature} is that of a signing secret for {@code timestamp} and
	 * {@code body}, and {@code timestamp} is recent; otherwise why not, to tell the
	 * caller. Either header may be {@code null}.
	 */
	Optional<String> problem(String timestamp, String signature, byte[] body) {
		if (timestamp == null || signature == null) {
			return Optional.of(INCOMPLETE);
		}
		if (!SECONDS.matcher(timestamp).matches()) {
			return Optional.of(NOT_SECONDS);
		}
		long now = clock.instant().getEpochSecond();
		long seconds = Long.parseLong(timestamp);
		if (seconds < now - TOLERANCE.toSeconds() || seconds > now + TOLERANCE.toSeconds()) {
			return Optional.of(STALE);
		}
		byte[] given = signature.getBytes(StandardCharsets.UTF_8);
		boolean matched = false;
		// Every secret is tried, and compared in constant time, so the time taken says
		// nothing of a near match.
		for (SecretKeySpec key : keys) {
			matched |= MessageDigest.isEqual(sign(key, timestamp, body), given);
		}
		return matched ? Optional.empty() : Optional.of(MISMATCH);
	}

	/**
	 * {@code v0=} and the hex HMAC of {@code v0:<timestamp>:<body>}, as Slack writes it.
	 */
	private static byte[] sign(SecretKeySpec key, String timestamp, byte[] body) {
		try {
			// A Mac per request: it keeps state between updates, and getting one is cheap
			// next to a search.
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
			return ("v0=" + HexFormat.of().formatHex(mac.doFinal(body))).getBytes(StandardCharsets.UTF_8);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("Every Java runtime has HmacSHA256 and takes any non-empty key", ex);
		}
	}

}
