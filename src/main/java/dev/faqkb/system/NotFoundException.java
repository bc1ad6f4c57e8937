package dev.faqkb.system;

/**
 * Nothing at the address asked for: a 404 whose message is shown to the reader as is. Features subclass it
 * to carry what was asked for, so their {@link ErrorPageContributor} can suggest something close.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
