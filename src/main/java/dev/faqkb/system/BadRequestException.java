package dev.faqkb.system;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;

/**
 * The request cannot be served as asked: a 400 whose message says why, in words for the
 * person who sent it.
 */
public class BadRequestException extends RefusedException {

	public BadRequestException(String message) {
		super(message, null);
	}

	/** A refusal a reader meets, said in their language ({@link Problem#words}). */
	public BadRequestException(MessageSourceResolvable words) {
		super(words, null);
	}

	@Override
	public Problem problem() {
		return problem(HttpStatus.BAD_REQUEST);
	}

}
