package dev.faqkb.integrations;

import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.faqkb.site.PublicLinks;
import dev.faqkb.site.SearchListener;
import dev.faqkb.site.Snapshot;
import dev.faqkb.site.SnapshotStore;
import dev.faqkb.system.ErrorReplies;
import dev.faqkb.system.FaqkbProperties;
import dev.faqkb.system.Problem;
import dev.faqkb.system.Sha256;
import dev.faqkb.system.TokenBuckets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The slash command of Mattermost (System Console, Integrations, Slash Commands) and
 * Slack: they post the form
 * {@code token, team_id, team_domain, channel_id, channel_name, user_id, user_name, command, text, response_url,
 * trigger_id}, and show the {@code text} of the JSON answer to the user who typed the
 * command. Only registered when a token or a signing secret is configured.
 * <p>
 * Who may ask: a request with Slack's signature headers, when signing secrets are
 * configured, is accepted only when its signature verifies ({@link SlackSignatures}); any
 * other request only with a configured {@code token} (Mattermost's, or a Slack app's
 * legacy verification token). Slack sends both; with no signing secret configured its
 * token is checked, as before signing secrets. A request that is not accepted is a 401
 * through {@link ErrorReplies}; an accepted one is always answered 200, refusals too (too
 * many commands, too long a question): Slack and Mattermost show the user only a generic
 * failure for any other status, so those are an ephemeral message, as Slack advises.
 */
@RestController
@Conditional(SlashCommandEnabled.class)
class SlashCommandController {

	static final String PATH = "/integrations/slash";

	static final String BAD_TOKEN = "The token of this slash command is missing or not one faqkb accepts.";

	static final String UNSIGNED = "This request has no Slack signature (" + SlackSignatures.TIMESTAMP + ", "
			+ SlackSignatures.SIGNATURE + "), and faqkb takes no tokens.";

	private static final Logger log = LoggerFactory.getLogger(SlashCommandController.class);

	private final SnapshotStore store;

	private final List<byte[]> tokenHashes;

	private final SlackSignatures signatures;

	private final TokenBuckets limits;

	private final SearchListener searches;

	private final ErrorReplies replies;

	SlashCommandController(SnapshotStore store, FaqkbProperties properties, SearchListener searches,
			ErrorReplies replies) {
		this.store = store;
		this.searches = searches;
		this.replies = replies;
		FaqkbProperties.Slash slash = properties.integrations().slash();
		this.tokenHashes = slash.tokens()
			.stream()
			.filter(token -> !token.isBlank())
			.map(token -> Sha256.of(token.strip()))
			.toList();
		this.signatures = new SlackSignatures(slash.signingSecrets(), Clock.systemUTC());
		this.limits = new TokenBuckets("faqkb.integrations.slash.rate-limit", slash.rateLimit());
		log.info("Slash command on at {} with {} token(s) and {} Slack signing secret(s)", PATH, tokenHashes.size(),
				signatures.count());
	}

	@PostMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
	Object command(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String text,
			@RequestParam(defaultValue = "/faq") String command,
			@RequestParam(name = "team_id", defaultValue = "") String teamId,
			@RequestParam(name = "team_domain", defaultValue = "") String teamDomain,
			@RequestParam(name = "user_id", defaultValue = "") String userId,
			@RequestParam(name = "user_name", defaultValue = "") String userName, HttpServletRequest request,
			HttpServletResponse response) {
		String refusal = refusal(token, request);
		if (refusal != null) {
			return replies.reply(request, response, Problem.of(HttpStatus.UNAUTHORIZED, refusal), null);
		}
		// Every command comes from the chat server's address, so the limit is per chat
		// user, not per address.
		String user = (teamId.isEmpty() ? teamDomain : teamId) + "|" + (userId.isEmpty() ? userName : userId);
		if (!limits.tryAcquire(user.equals("|") ? request.getRemoteAddr() : user)) {
			// 200, not 429: chat servers show only a generic failure for any other
			// status.
			return ResponseEntity.ok(Reply.ephemeral(SlashReply.TOO_MANY));
		}
		Snapshot snapshot = store.current();
		String base = PublicLinks.base(snapshot.catalog().site(), request);
		return ResponseEntity.ok(Reply.ephemeral(SlashReply.to(text.strip(), command, snapshot, base, searches)));
	}

	/**
	 * Why {@code request} is not answered, or {@code null} when it is: see the class
	 * comment.
	 */
	private String refusal(String token, HttpServletRequest request) {
		String timestamp = request.getHeader(SlackSignatures.TIMESTAMP);
		String signature = request.getHeader(SlackSignatures.SIGNATURE);
		if (signatures.count() > 0 && (timestamp != null || signature != null)) {
			String problem = signatures.problem(timestamp, signature, SlashRequestBody.of(request)).orElse(null);
			if (problem != null) {
				// Slack shows the user only that the command failed: the log is where an
				// owner sees why.
				log.warn("Refused a signed slash command: {}", problem);
			}
			return problem;
		}
		if (accepted(token)) {
			return null;
		}
		return tokenHashes.isEmpty() ? UNSIGNED : BAD_TOKEN;
	}

	/**
	 * Compares with every configured token, in time that does not depend on how much of a
	 * token matched.
	 */
	private boolean accepted(String token) {
		byte[] given = Sha256.of(token.strip());
		boolean accepted = false;
		for (byte[] known : tokenHashes) {
			accepted |= MessageDigest.isEqual(known, given);
		}
		return accepted;
	}

	/**
	 * What Mattermost and Slack show: {@code ephemeral} is only for the user who typed
	 * the command.
	 */
	record Reply(@JsonProperty("response_type") String responseType, String text) {

		static Reply ephemeral(String text) {
			return new Reply("ephemeral", text);
		}

	}

}
