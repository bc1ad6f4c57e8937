package dev.faqkb.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The interface's message bundles stay in step: each translation has every key of
 * {@code messages.properties} and no other, each message is a valid MessageFormat, and
 * every key a template names exists.
 */
class MessageBundlesTest {

	private static Properties bundle(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/" + name)) {
			assertThat(in).as(name).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	@ParameterizedTest
	@ValueSource(strings = { "fr", "ja", "de", "es", "pt", "zh" })
	void translationHasEveryKeyAndNoOther(String language) throws IOException {
		Properties english = bundle("messages.properties");
		Properties translated = bundle("messages_" + language + ".properties");
		assertThat(translated.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
		for (String key : translated.stringPropertyNames()) {
			// as Spring formats them (spring.messages.always-use-message-format): a stray
			// quote or brace fails here
			String formatted = new MessageFormat(translated.getProperty(key), Locale.forLanguageTag(language))
				.format(new Object[] { 2, 3 });
			assertThat(formatted).as(language + " " + key).doesNotContain("''");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "fr", "ja", "de", "es", "pt", "zh" })
	void eachLanguageWritesTheLastUpdateDateAsItsReadersDo(String language) throws IOException {
		Properties bundle = bundle(
				language.equals("en") ? "messages.properties" : "messages_" + language + ".properties");
		Locale locale = Locale.forLanguageTag(language);
		String pattern = new MessageFormat(bundle.getProperty("question.date"), locale).format(new Object[0]);
		String date = java.time.format.DateTimeFormatter.ofPattern(pattern, locale)
			.format(java.time.LocalDate.of(2024, 5, 31));
		assertThat(date).as(language).isEqualTo(switch (language) {
			case "en" -> "31 May 2024";
			case "fr" -> "31 mai 2024";
			case "de" -> "31. Mai 2024";
			case "es" -> "31 de mayo de 2024";
			case "pt" -> "31 de maio de 2024";
			default -> "2024年5月31日";
		});
	}

	@Test
	void everyKeyTemplatesNameExists() throws IOException {
		Properties english = bundle("messages.properties");
		Pattern key = Pattern.compile("#\\{([a-z.-]+)[}(]|#messages\\.msg\\('([a-z.-]+)'");
		try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
			List<Path> html = templates.filter(path -> path.toString().endsWith(".html")).toList();
			assertThat(html).isNotEmpty();
			for (Path template : html) {
				Matcher matcher = key.matcher(Files.readString(template));
				while (matcher.find()) {
					String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
					assertThat(english.getProperty(name)).as(template + " names " + name).isNotNull();
				}
			}
		}
	}

}
