package dev.faqkb.system;

/**
 * What visitors type, made safe to store and export: control characters are dropped,
 * since nobody types them on purpose (they come with pasted text), PostgreSQL refuses NUL
 * in text, and terminals and spreadsheets act on escapes. Line breaks and tabs are text
 * and stay. Unpaired surrogates, which no encoder can write, go too.
 */
public final class PlainText {

	private PlainText() {
	}

	/**
	 * {@code text} without control characters other than {@code \n} and {@code \t};
	 * {@code null} stays {@code null}.
	 */
	public static String withoutControlCharacters(String text) {
		if (text == null || text.codePoints().allMatch(PlainText::kept)) {
			return text;
		}
		StringBuilder kept = new StringBuilder(text.length());
		text.codePoints().filter(PlainText::kept).forEach(kept::appendCodePoint);
		return kept.toString();
	}

	/**
	 * The first {@code max} UTF-16 units of {@code text} (as a database column and the
	 * browser's {@code maxlength} count them), one fewer rather than half a surrogate
	 * pair, which would be stored or analysed as a broken character.
	 */
	public static String cut(String text, int max) {
		if (text.length() <= max) {
			return text;
		}
		return text.substring(0, Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max);
	}

	private static boolean kept(int codePoint) {
		int type = Character.getType(codePoint);
		if (type == Character.CONTROL) {
			return codePoint == '\n' || codePoint == '\t';
		}
		return type != Character.SURROGATE;
	}

}
