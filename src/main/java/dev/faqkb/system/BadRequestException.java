package dev.faqkb.system;

/**
 * The request cannot be served as asked: a 400 whose message says why, in words for the person who sent it.
 */
public class BadRequestException extends RuntimeException {

	public BadRequestException(String message) {
		super(message);
	}

}
