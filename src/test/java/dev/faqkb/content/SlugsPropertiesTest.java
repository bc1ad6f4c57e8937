package dev.faqkb.content;

import java.util.ArrayList;
import java.util.List;

import dev.faqkb.RandomText;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The slugger on any heading text (see {@link RandomText}: every plane of Unicode, lone
 * surrogates, control characters, markup): it never throws, keeps only letters, marks,
 * numbers and connector punctuation, and a slug is its own slug, so that an explicit
 * {@code {#id}} copied from an address gives the same id again. What the id check lets
 * through needs no escaping in an address or an HTML attribute.
 */
class SlugsPropertiesTest {

	static final long SEED = RandomText.seed(20_261_130L);

	@Test
	void aSlugHoldsOnlyWordCharactersAndHyphensAndIsItsOwnSlug() {
		List<String> failures = new ArrayList<>();
		for (String text : new RandomText(SEED).texts(5_000)) {
			try {
				String slug = Slugs.slug(text);
				assertThat(slug).matches("[\\p{L}\\p{M}\\p{N}\\p{Pc}-]*");
				assertThat(slug.codePoints()).noneMatch(c -> Character.getType(c) == Character.SURROGATE);
				assertThat(Slugs.slug(slug)).isEqualTo(slug);
				for (String id : List.of(text, slug)) {
					if (Slugs.isValidId(id)) {
						assertThat(id).doesNotContain("/", "?", "#", "%", "&", "<", "\"", "'", " ");
					}
				}
			}
			catch (AssertionError | RuntimeException ex) {
				failures.add(RandomText.show(text) + ": " + ex);
			}
		}
		assertThat(failures).as("texts of seed %d whose slug is wrong", SEED).isEmpty();
	}

}
