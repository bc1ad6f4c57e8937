package dev.faqkb.system;

import org.springframework.http.HttpStatus;

/**
 * The request cannot be served as asked: a 400 whose message says why, in words for the
 * person who sent it.
 */
public class BadRequestException extends RefusedException {

	public BadRequestException(String message) {
		super(message, null);
	}

	@Override
	public Problem problem() {
		return Problem.of(HttpStatus.BAD_REQUEST, getMessage());
	}

}
