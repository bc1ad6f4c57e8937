package dev.faqkb.web;

/**
 * The request cannot be served as asked; the message says why, in words for the person who sent it.
 */
public class BadRequestException extends RuntimeException {

	public BadRequestException(String message) {
		super(message);
	}

}
