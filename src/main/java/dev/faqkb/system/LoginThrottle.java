package dev.faqkb.system;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Backs off a client address that keeps failing the admin login: after
 * {@value #FREE_FAILURES} failures in a row it must wait 1 s, then twice as long after
 * each further failure, up to 15 minutes. A refused attempt is answered 429 before its
 * password is checked, so guessing costs the attacker time and the server no bcrypt work.
 * A successful login clears the count. In memory, per instance, like the feedback rate
 * limit. Thread-safe.
 */
@Component
class LoginThrottle {

	static final int FREE_FAILURES = 5;

	static final Duration FIRST_WAIT = Duration.ofSeconds(1);

	static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

	/**
	 * A client with no failure for this long starts again from zero, so the map holds
	 * only recent attackers.
	 */
	private static final Duration FORGET_AFTER = Duration.ofHours(1);

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	private final Map<String, Failures> clients = new ConcurrentHashMap<>();

	private final LongSupplier nanoTime;

	LoginThrottle() {
		this(System::nanoTime);
	}

	LoginThrottle(LongSupplier nanoTime) {
		this.nanoTime = nanoTime;
	}

	/**
	 * How long {@code client} must wait before its next login attempt is checked; zero
	 * when it may try now.
	 */
	Duration waitFor(String client) {
		Failures failures = clients.get(client);
		return failures == null ? Duration.ZERO : failures.waitFor(nanoTime.getAsLong());
	}

	void failed(String client) {
		Failures failures = clients.computeIfAbsent(client, c -> new Failures());
		Duration wait = failures.add(nanoTime.getAsLong());
		if (!wait.isZero()) {
			log.warn("Admin login failed {} times in a row from {}: its next attempt is refused for {} s",
					failures.count(), client, wait.toSeconds());
		}
	}

	void succeeded(String client) {
		clients.remove(client);
	}

	@Scheduled(fixedDelay = 600_000)
	void forgetIdle() {
		long now = nanoTime.getAsLong();
		clients.values().removeIf(failures -> failures.idleFor(now).compareTo(FORGET_AFTER) > 0);
	}

	/**
	 * Refuses throttled HTTP Basic attempts through {@code replies} and counts the
	 * outcome of the others; goes before Spring's Basic filter.
	 */
	OncePerRequestFilter filter(ErrorReplies replies) {
		return new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
				if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
					chain.doFilter(request, response);
					return;
				}
				String client = request.getRemoteAddr();
				Duration wait = waitFor(client);
				if (!wait.isZero()) {
					// The message in the whole seconds that Retry-After says.
					long seconds = Problem.seconds(wait);
					replies.write(request, response,
							Problem
								.of(HttpStatus.TOO_MANY_REQUESTS,
										"Too many failed logins from your address. Try again in " + seconds + " s.")
								.withRetryAfter(Duration.ofSeconds(seconds)),
							null);
					return;
				}
				chain.doFilter(request, response);
				// Spring's Basic filter answers 401 when, and only when, the credentials
				// are wrong.
				if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
					failed(client);
				}
				else {
					succeeded(client);
				}
			}

		};
	}

	private static final class Failures {

		private int count;

		private long last;

		private long blockedUntil;

		synchronized Duration add(long now) {
			count++;
			last = now;
			if (count < FREE_FAILURES) {
				return Duration.ZERO;
			}
			// 1 s after the 5th failure, doubling after each further one; the shift is
			// bounded before it can overflow.
			Duration wait = FIRST_WAIT.multipliedBy(1L << Math.min(count - FREE_FAILURES, 20));
			if (wait.compareTo(LONGEST_WAIT) > 0) {
				wait = LONGEST_WAIT;
			}
			blockedUntil = now + wait.toNanos();
			return wait;
		}

		synchronized Duration waitFor(long now) {
			if (count < FREE_FAILURES) {
				return Duration.ZERO;
			}
			return blockedUntil - now > 0 ? Duration.ofNanos(blockedUntil - now) : Duration.ZERO;
		}

		synchronized Duration idleFor(long now) {
			return Duration.ofNanos(now - last);
		}

		synchronized int count() {
			return count;
		}

	}

}
