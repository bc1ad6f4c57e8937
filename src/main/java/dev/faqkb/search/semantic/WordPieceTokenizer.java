package dev.faqkb.search.semantic;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The model's own tokenizer (BERT uncased WordPiece, as its {@code tokenizer.json}
 * describes it), in Java: the word pieces and ids that Hugging Face's tokenizers library
 * gives for the same file, which the model was trained and its vectors cached with.
 * Immutable and thread-safe.
 * <p>
 * Written here because no well-kept Java library gives the same ids: DJL's
 * {@code BertFullTokenizer} (pure Java, in ai.djl:api) neither cuts Chinese and Japanese
 * ideographs into one word each nor matches special tokens such as {@code [UNK]} typed in
 * a text, lowercases before removing accents and allows 200 characters a word instead of
 * 100, so Japanese questions would get other vectors; the only exact one, DJL's
 * HuggingFaceTokenizer, is Rust behind JNI, 18.7 MB of natives (issue 24). Each step
 * below names the step of Hugging Face's {@code BertNormalizer}, {@code BertPreTokenizer}
 * and {@code WordPiece} it follows; {@code WordPieceTokenizerTest} holds ids that DJL's
 * tokenizer gave for tricky texts.
 */
final class WordPieceTokenizer {

	/**
	 * The code points that Java (17, Unicode 13) gives a category (a mark, punctuation, a
	 * format character) which the tokenizers' older Unicode tables do not: characters of
	 * scripts added since Unicode 9 (Adlam, Newa, Soyombo, ...), which the tokenizers
	 * keep as letters. Found by tokenizing every code point both ways (issue 24).
	 */
	private static final BitSet LATER = codePoints(
			"61D 7FD 890-891 897-89F 8CA-8E2 9FD-9FE A76 AFA-AFF B55 C04 C3C C77 C84 D00 D3B-D3C D81 "
					+ "EBA ECE 166D 180F 1885-1886 1ABF-1ACE 1B4E-1B4F 1B7D-1B7F 1DF6-1DFB 2E43-2E4F 2E52-2E5D "
					+ "A82C A8C5 A8FF A9BD 10D24-10D27 10D69-10D6E 10EAB-10EAD 10EFC-10EFF 10F46-10F50 "
					+ "10F55-10F59 10F82-10F89 11070 11073-11074 110C2 110CD 111C9 111CF 1123E 11241 1133B "
					+ "113BB-113C0 113CE 113D0 113D2 113D4-113D5 113D7-113D8 113E1-113E2 11438-1143F 11442-11444 "
					+ "11446 1144B-1144F 1145A-1145B 1145D-1145E 11660-1166C 116B9 1182F-11837 11839-1183B "
					+ "1193B-1193C 1193E 11943-11946 119D4-119D7 119DA-119DB 119E0 119E2 11A01-11A0A 11A33-11A38 "
					+ "11A3B-11A47 11A51-11A56 11A59-11A5B 11A8A-11A96 11A98-11A9C 11A9E-11AA2 11B00-11B09 11BE1 "
					+ "11C30-11C36 11C38-11C3D 11C3F 11C41-11C45 11C70-11C71 11C92-11CA7 11CAA-11CB0 11CB2-11CB3 "
					+ "11CB5-11CB6 11D31-11D36 11D3A 11D3C-11D3D 11D3F-11D45 11D47 11D90-11D91 11D95 11D97 "
					+ "11EF3-11EF4 11EF7-11EF8 11F00-11F01 11F36-11F3A 11F40 11F42-11F4F 11F5A 11FFF 12FF1-12FF2 "
					+ "13430-13440 13447-13455 1611E-16129 1612D-1612F 16D6D-16D6F 16E97-16E9A 16F4F 16FE2 16FE4 "
					+ "1CF00-1CF2D 1CF30-1CF46 1E000-1E006 1E008-1E018 1E01B-1E021 1E023-1E024 1E026-1E02A 1E08F "
					+ "1E130-1E136 1E2AE 1E2EC-1E2EF 1E4EC-1E4EF 1E5EE-1E5EF 1E5FF 1E944-1E94A 1E95E-1E95F ");

	private final Map<String, Integer> vocabulary;

	/**
	 * Added tokens ({@code [CLS]}, {@code [UNK]}, ...): matched as typed, before all
	 * else.
	 */
	private final List<String> special;

	private final String unknown;

	private final String continuing;

	private final int maxWordChars;

	/**
	 * The word pieces the model reads: its maximum length less {@code [CLS]} and
	 * {@code [SEP]}.
	 */
	private final int maxPieces;

	private WordPieceTokenizer(Map<String, Integer> vocabulary, List<String> special, String unknown, String continuing,
			int maxWordChars, int maxPieces) {
		this.vocabulary = vocabulary;
		this.special = special;
		this.unknown = unknown;
		this.continuing = continuing;
		this.maxWordChars = maxWordChars;
		this.maxPieces = maxPieces;
	}

	/**
	 * Reads a Hugging Face {@code tokenizer.json}; fails on one this class does not
	 * follow.
	 */
	static WordPieceTokenizer read(byte[] json) {
		JsonNode root = JsonMapper.shared().readTree(json);
		JsonNode normalizer = root.path("normalizer");
		JsonNode model = root.path("model");
		boolean expected = normalizer.path("type").asString("").equals("BertNormalizer")
				&& normalizer.path("clean_text").asBoolean(false)
				&& normalizer.path("handle_chinese_chars").asBoolean(false)
				&& normalizer.path("lowercase").asBoolean(false) && !normalizer.path("strip_accents").isBoolean()
				&& root.path("pre_tokenizer").path("type").asString("").equals("BertPreTokenizer")
				&& model.path("type").asString("").equals("WordPiece")
				&& root.path("truncation").path("direction").asString("").equals("Right");
		if (!expected) {
			throw new IllegalStateException("not an uncased BERT WordPiece tokenizer");
		}
		Map<String, Integer> vocabulary = new HashMap<>();
		model.path("vocab").properties().forEach(entry -> vocabulary.put(entry.getKey(), entry.getValue().asInt()));
		List<String> special = new ArrayList<>();
		root.path("added_tokens").forEach(token -> special.add(token.path("content").asString()));
		return new WordPieceTokenizer(vocabulary, List.copyOf(special), model.path("unk_token").asString(),
				model.path("continuing_subword_prefix").asString(), model.path("max_input_chars_per_word").asInt(),
				root.path("truncation").path("max_length").asInt() - 2);
	}

	/**
	 * The word pieces of {@code text}, without {@code [CLS]} and {@code [SEP]}, cut after
	 * as many as the model reads (its truncation).
	 */
	List<String> tokenize(String text) {
		List<String> pieces = new ArrayList<>();
		int from = 0;
		for (int i = 0; i < text.length() && pieces.size() < maxPieces; i++) {
			String token = specialAt(text, i);
			if (token != null) {
				words(text.substring(from, i), pieces);
				pieces.add(token);
				i += token.length() - 1;
				from = i + 1;
			}
		}
		if (from < text.length()) {
			words(text.substring(from), pieces);
		}
		return (pieces.size() > maxPieces) ? List.copyOf(pieces.subList(0, maxPieces)) : pieces;
	}

	/** The ids of {@code pieces}, between {@code [CLS]} and {@code [SEP]}. */
	long[] ids(List<String> pieces) {
		long[] ids = new long[pieces.size() + 2];
		ids[0] = vocabulary.get("[CLS]");
		for (int i = 0; i < pieces.size(); i++) {
			ids[i + 1] = vocabulary.get(pieces.get(i));
		}
		ids[ids.length - 1] = vocabulary.get("[SEP]");
		return ids;
	}

	/** The longest added token at {@code i} (the tokenizers' leftmost-longest match). */
	private String specialAt(String text, int i) {
		String found = null;
		for (String token : special) {
			if (text.startsWith(token, i) && (found == null || token.length() > found.length())) {
				found = token;
			}
		}
		return found;
	}

	/** Normalizes, splits into words and adds their pieces, until the model's length. */
	private void words(String text, List<String> pieces) {
		String normal = normalize(text);
		int start = -1;
		for (int i = 0; i < normal.length() && pieces.size() < maxPieces;) {
			int c = normal.codePointAt(i);
			int next = i + Character.charCount(c);
			// BertPreTokenizer: split on white space, each punctuation sign a word of its
			// own
			if (isWhitespace(c) || isPunctuation(c)) {
				if (start >= 0) {
					pieces(normal.substring(start, i), pieces);
					start = -1;
				}
				if (isPunctuation(c)) {
					pieces(normal.substring(i, next), pieces);
				}
			}
			else if (start < 0) {
				start = i;
			}
			i = next;
		}
		if (start >= 0 && pieces.size() < maxPieces) {
			pieces(normal.substring(start), pieces);
		}
	}

	/** BertNormalizer: clean text, Chinese characters, strip accents, lowercase. */
	private static String normalize(String text) {
		StringBuilder cleaned = new StringBuilder(text.length() + 16);
		text.codePoints().forEach(c -> {
			if (c == 0 || c == 0xFFFD || (isControl(c) && !LATER.get(c))) {
				return;
			}
			if (isWhitespace(c)) {
				cleaned.append(' ');
			}
			else if (isChinese(c)) {
				cleaned.append(' ').appendCodePoint(c).append(' ');
			}
			else {
				cleaned.appendCodePoint(c);
			}
		});
		String decomposed = Normalizer.normalize(cleaned, Normalizer.Form.NFD);
		StringBuilder normal = new StringBuilder(decomposed.length());
		decomposed.codePoints().forEach(c -> {
			if (!isAccent(c)) {
				// one character at a time, as the tokenizers do: no final sigma
				normal.appendCodePoint(Character.toLowerCase(c));
			}
		});
		return normal.toString();
	}

	/**
	 * WordPiece: the longest pieces of the vocabulary first, or the whole word unknown.
	 */
	private void pieces(String word, List<String> pieces) {
		if (word.codePointCount(0, word.length()) > maxWordChars) {
			pieces.add(unknown);
			return;
		}
		List<String> found = new ArrayList<>();
		int start = 0;
		while (start < word.length()) {
			String piece = null;
			int end = word.length();
			while (end > start) {
				String candidate = (start > 0 ? continuing : "") + word.substring(start, end);
				if (vocabulary.containsKey(candidate)) {
					piece = candidate;
					break;
				}
				end = word.offsetByCodePoints(end, -1);
			}
			if (piece == null) {
				pieces.add(unknown);
				return;
			}
			found.add(piece);
			start = end;
		}
		pieces.addAll(found);
	}

	/** A non-spacing mark in the tokenizers' tables (removed after NFD). */
	private static boolean isAccent(int c) {
		// two marks that Unicode 14 made spacing ones
		return (Character.getType(c) == Character.NON_SPACING_MARK && !LATER.get(c)) || c == 0x1734 || c == 0x1171E;
	}

	/** The tokenizers' control characters (removed): other, not assigned excepted. */
	private static boolean isControl(int c) {
		if (c == '\t' || c == '\n' || c == '\r') {
			return false;
		}
		int type = Character.getType(c);
		return type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE
				|| type == Character.SURROGATE;
	}

	/** Unicode's White_Space, as Rust's {@code char::is_whitespace}. */
	private static boolean isWhitespace(int c) {
		return (c >= '\t' && c <= '\r') || c == 0x85 || Character.isSpaceChar(c);
	}

	/** ASCII's punctuation and symbols, and Unicode's punctuation. */
	private static boolean isPunctuation(int c) {
		if (c == 0x166D || c == 0x111C9) {
			// punctuation in the tokenizers' tables, a symbol and a mark since
			return true;
		}
		if (LATER.get(c)) {
			return false;
		}
		if (c < 0x80) {
			return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
		}
		return switch (Character.getType(c)) {
			case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
					Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
					Character.OTHER_PUNCTUATION ->
				true;
			default -> false;
		};
	}

	/** The CJK ideographs, each a word of its own. */
	private static boolean isChinese(int c) {
		return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF)
				|| (c >= 0x2A700 && c <= 0x2B73F) || (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B920 && c <= 0x2CEAF)
				|| (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
	}

	private static BitSet codePoints(String ranges) {
		BitSet set = new BitSet();
		for (String range : ranges.trim().split(" ")) {
			String[] ends = range.split("-");
			int from = Integer.parseInt(ends[0], 16);
			set.set(from, Integer.parseInt(ends[ends.length - 1], 16) + 1);
		}
		return set;
	}

}
