package dev.faqkb.system;

import org.springframework.http.HttpStatus;

/**
 * Nothing at the address asked for: a 404 whose message is shown to the reader as is.
 * Features subclass it to carry what was asked for, so their {@link ErrorPageContributor}
 * can suggest something close.
 */
public class NotFoundException extends RefusedException {

	public NotFoundException(String message) {
		super(message, null);
	}

	@Override
	public Problem problem() {
		return Problem.of(HttpStatus.NOT_FOUND, getMessage());
	}

}
