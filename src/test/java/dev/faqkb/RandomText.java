package dev.faqkb;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.faqkb.search.QueryBudget;

/**
 * Random text of the kinds that break text handling, from a seed, for the property and
 * fuzz tests and the worst-query benchmark: letters and words, CJK, right-to-left scripts
 * and bidi controls, combining marks, emoji sequences, control characters, lone
 * surrogates, code points of every plane, Lucene query syntax and HTML/template
 * injection, mixed in one string. The same seed gives the same texts.
 * <p>
 * Why not jqwik: its 1.10 line asks not to be used by AI coding agents, and every jqwik
 * release is a JUnit Platform 1.x engine while Boot 4 brings JUnit 6; a seeded generator
 * and JUnit's own tests do the same job here, and a failure prints the seed and the input
 * to run it again.
 */
public final class RandomText {

	/** Longest text made, in characters (UTF-16 units), as the search box allows. */
	public static final int MAX_LENGTH = QueryBudget.DEFAULT.maxChars();

	/**
	 * A realistic question of 200 characters in Chinese, 130 of them different: each is a
	 * word of its own.
	 */
	public static final String CHINESE_QUESTION = "请问如何重置管理员的密码？上周我们公司的服务器升级以后，管理员账户就再也无法登录了。"
			+ "我按照文档里的步骤尝试过找回密码，但是系统一直提示邮件发送失败。我们使用的是自己部署的版本，数据库是本地的，没有连接外网。"
			+ "请问有没有办法在不丢失数据的情况下直接修改数据库里的密码，或者通过命令行工具重新设置？另外，升级之前需要注意哪些事项，" + "才能避免以后再次出现类似的问题？非常感谢你们的帮助！我们等待回复。谢谢大家！";

	private static final String[] WORDS = { "how", "do", "I", "reset", "my", "password", "the", "file", "line",
			"configuration", "defualt", "pyhton", "installing", "superclass", "Mattermost", "deployment", "a", "of",
			"export", "cards", "account", "what's", "don't", "C++", "__init__.py", ".pyc", "Py_BuildValue", "508",
			"sys.stdout", "e-mail", "user@example.com", "café", "naïve", "straße", "İstanbul", "ǅ", "ﬁle" };

	private static final String[] SYNTAX = { "\"", "\"phrase\"~2", "(", ")", "[", "]", "{", "}", "[a TO z]", "*", "?",
			"~", "~0.5", "^", "^10", ":", "title:foo", "*:*", "+", "-", "!", "&&", "||", "AND", "OR", "NOT", "\\",
			"/regex.*/", "field:(a OR b)", "a\\:b", "%", "%00", "%2F", "../", "..\\", "'", "`", ";", "--", "/*", "@",
			"@@@@", "#", "$", "=", "==", "=>", "&", "&amp;", "&#x3c;", "&lt;" };

	private static final String[] INJECTION = { "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
			"<svg/onload=alert(1)>", "javascript:alert(1)", "</textarea><b>", "<!--", "-->", "<mark>", "</mark>",
			"${7*7}", "[[${T(java.lang.Runtime)}]]", "__${7*7}__::.x", "{{7*7}}", "<faqkb-probe>", "' OR '1'='1" };

	private static final String[] SEQUENCES = { "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", // family
																									// (ZWJ)
			"\uD83C\uDDE9\uD83C\uDDEA", // a flag: two regional indicators
			"\uD83D\uDC4D\uD83C\uDFFD", // thumbs up, skin tone
			"e\u0301", "Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358", // combining
																			// marks,
																			// stacked
			"\u202Eevil\u202C", "\u200F", "\u200E", "\u2066x\u2069", // bidi controls
			"\uFEFF", "\u200B", "\u00A0", "\u203F", "\uFF3F", "\u2028", "\u3000", "\t", "\n", "\r\n", "\u0000",
			"\u001B[31m", "\uFFFD", "\uFFFE", "\uFFFF", "\uD800", "\uDFFF", "\uDBFF\uDFFF", "\uDB40\uDC01" };

	private final Random random;

	private final long seed;

	public RandomText(long seed) {
		this.seed = seed;
		this.random = new Random(seed);
	}

	/** The seed of this generator, to print with a failure. */
	public long seed() {
		return seed;
	}

	/**
	 * The seed a test uses: {@code -Dfaqkb.fuzz.seed=N} to run one again, otherwise
	 * {@code fixed}, so that CI runs the same inputs every time.
	 */
	public static long seed(long fixed) {
		String given = System.getProperty("faqkb.fuzz.seed");
		return given == null || given.isBlank() ? fixed : Long.parseLong(given.strip());
	}

	/**
	 * {@code text} as a Java string literal, readable in a failure message whatever it
	 * holds.
	 */
	public static String show(String text) {
		StringBuilder shown = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
				shown.append(c);
			}
			else {
				shown.append(String.format("\\u%04X", (int) c));
			}
		}
		return shown.append('"').toString();
	}

	/** Texts that have broken or cost a lot before, then {@code count} random ones. */
	public List<String> texts(int count) {
		List<String> texts = new ArrayList<>(edgeCases());
		while (texts.size() < count) {
			texts.add(next());
		}
		return texts;
	}

	/** Inputs found by hand or by an earlier fuzz: each was an error or cost a lot. */
	public static List<String> edgeCases() {
		return List.of("", " ", "*", "\"", "\\", "-", "a", "?", "@".repeat(MAX_LENGTH), "a".repeat(255),
				CHINESE_QUESTION, "汉".repeat(MAX_LENGTH), "ア".repeat(MAX_LENGTH), "\uD83D\uDE00".repeat(MAX_LENGTH / 2),
				"\uD800".repeat(MAX_LENGTH), "e\u0301".repeat(MAX_LENGTH / 2), "ab ".repeat(85), "abcd ".repeat(51),
				"a1 ".repeat(85), "x.y ".repeat(64), "\"a\" ".repeat(64), "مرحبا بالعالم ".repeat(18),
				"<script>alert(1)</script>", "\u0000".repeat(MAX_LENGTH));
	}

	/** One random text of 0 to {@value #MAX_LENGTH} characters. */
	public String next() {
		int target = switch (random.nextInt(4)) {
			case 0 -> random.nextInt(8);
			case 1 -> random.nextInt(40);
			case 2 -> random.nextInt(MAX_LENGTH + 1);
			default -> MAX_LENGTH - random.nextInt(16);
		};
		StringBuilder text = new StringBuilder();
		while (text.length() < target) {
			text.append(piece());
			if (random.nextInt(3) > 0) {
				text.append(' ');
			}
		}
		return cut(text.toString(), target);
	}

	/** A random word of {@code length} lowercase ASCII letters: new to every cache. */
	public String letters(int length) {
		StringBuilder word = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			word.append((char) ('a' + random.nextInt(26)));
		}
		return word.toString();
	}

	private String piece() {
		return switch (random.nextInt(14)) {
			case 0, 1 -> WORDS[random.nextInt(WORDS.length)];
			case 2 -> letters(1 + random.nextInt(random.nextInt(5) == 0 ? 64 : 12));
			case 3 -> SYNTAX[random.nextInt(SYNTAX.length)];
			case 4 -> INJECTION[random.nextInt(INJECTION.length)];
			case 5 -> SEQUENCES[random.nextInt(SEQUENCES.length)];
			case 6 -> run(0x4E00, 0x9FFF, 1 + random.nextInt(30)); // CJK ideographs
			case 7 -> run(0x3040, 0x30FF, 1 + random.nextInt(10)); // hiragana, katakana
			case 8 -> run(0xAC00, 0xD7A3, 1 + random.nextInt(6)); // hangul
			case 9 -> random.nextBoolean() ? run(0x0590, 0x05FF, 1 + random.nextInt(8)) // hebrew
					: run(0x0600, 0x06FF, 1 + random.nextInt(8)); // arabic
			case 10 -> run(0x0000, 0x001F, 1 + random.nextInt(3)); // C0 controls
			case 11 -> run(0x1F300, 0x1FAFF, 1 + random.nextInt(4)); // emoji
			case 12 -> String.valueOf((char) (0xD800 + random.nextInt(0x800))); // a lone
																				// surrogate
			default -> anyPlane();
		};
	}

	/**
	 * A code point of any of the 17 planes: BMP, supplementary, ideographic, tags,
	 * private use.
	 */
	private String anyPlane() {
		int plane = random.nextInt(17);
		int codePoint = plane * 0x10000 + random.nextInt(0x10000);
		return new String(Character.toChars(codePoint));
	}

	private String run(int from, int to, int count) {
		StringBuilder run = new StringBuilder();
		for (int i = 0; i < count; i++) {
			run.appendCodePoint(from + random.nextInt(to - from + 1));
		}
		return run.toString();
	}

	private static String cut(String text, int length) {
		return text.length() <= length ? text : text.substring(0, length);
	}

}
