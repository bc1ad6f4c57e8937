package dev.faqkb.search;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.faqkb.content.ContentError;
import dev.faqkb.content.ContentException;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The optional {@code synonyms.txt} of a content folder, in the Solr synonym format,
 * applied to queries (not to the index, so editing it needs no reindexing rules of its
 * own).
 */
public final class Synonyms {

	/** The file name looked up in the content folder. */
	public static final String FILE_NAME = "synonyms.txt";

	private static final Pattern LINE = Pattern.compile("line (\\d+)");

	private Synonyms() {
	}

	/**
	 * The synonyms of a folder, read as its language is searched: each rule's words are
	 * cut, elided and lowercased as the queries they are matched against are (stemming
	 * and accent folding come after the synonyms, on both).
	 * @param contentDir the content folder, or a translation's folder
	 * @param language the BCP 47 tag of the language its questions are in
	 * @return the synonyms of {@code contentDir}, or {@code null} when it has no synonyms
	 * file
	 * @throws ContentException when the file cannot be read or parsed, with the line of
	 * the mistake
	 */
	public static SynonymMap read(Path contentDir, String language) {
		Path file = contentDir.resolve(FILE_NAME);
		if (!Files.isRegularFile(file)) {
			return null;
		}
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
				Analyzers.PlainAnalyzer analyzer = new Analyzers.PlainAnalyzer(LanguageAnalysis.of(language))) {
			// expand=true: "a, b" lets either find the other; "a => b" rewrites a to b.
			SolrSynonymParser parser = new SolrSynonymParser(true, true, analyzer);
			parser.parse(reader);
			SynonymMap map = parser.build();
			return map.fst == null ? null : map;
		}
		catch (ParseException ex) {
			// Lucene puts the line in the message ("Invalid synonym rule at line 2"), not
			// in the offset
			Matcher line = LINE.matcher(String.valueOf(ex.getMessage()));
			throw new ContentException(List
				.of(new ContentError(file, line.find() ? Integer.parseInt(line.group(1)) : 0, "invalid synonym rule: "
						+ (ex.getCause() != null ? ex.getCause().getMessage() : ex.getMessage()))));
		}
		catch (IOException | RuntimeException ex) {
			throw new ContentException(List.of(new ContentError(file, 0, "cannot read synonyms: " + ex.getMessage())));
		}
	}

}
