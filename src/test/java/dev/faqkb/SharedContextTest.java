package dev.faqkb;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.BootstrapUtils;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring's context cache gives test classes with the same content one application context
 * ({@link TestContent.Folder}), and a class that can change its content, or asks for it,
 * one of its own.
 */
class SharedContextTest {

	@FaqkbWebTest
	static class PlainSite {

	}

	@FaqkbWebTest
	static class SameSiteWrittenOut {

		@TestContent.Setup
		static void content(TestContent content) {
			content.helpAndBilling();
		}

	}

	@FaqkbWebTest
	static class OtherSite {

		@TestContent.Setup
		static void content(TestContent content) {
			content.helpAndBilling().site("title: Other FAQ\n");
		}

	}

	@FaqkbWebTest
	static class RewritesItsContent {

		@Autowired
		TestContent content;

	}

	@FaqkbWebTest
	@TestContent.OwnContext
	static class CountsEverySearch {

	}

	@Test
	void classesWhoseSetupsWriteTheSameFilesShareOneContext() {
		ApplicationContext plain = context(PlainSite.class);

		assertThat(context(SameSiteWrittenOut.class)).isSameAs(plain);
		Path served = Path.of(plain.getBean(Environment.class).getRequiredProperty("faqkb.content-dir"));
		assertThat(plain.getBean(TestContent.class).dir()).isEqualTo(served);
		assertThat(served.resolve("help.md")).content().contains("{#reset-password}");
	}

	@Test
	void otherContentIsAnotherContext() {
		assertThat(config(OtherSite.class)).isNotEqualTo(config(PlainSite.class));
		assertThat(config(OtherSite.class)).isEqualTo(config(OtherSite.class));
	}

	@Test
	void aClassThatCanChangeItsContentOrAsksForItsOwnHasAContextOfItsOwn() {
		assertThat(config(RewritesItsContent.class)).isNotEqualTo(config(PlainSite.class))
			.isEqualTo(config(RewritesItsContent.class));
		assertThat(config(CountsEverySearch.class)).isNotEqualTo(config(PlainSite.class))
			.isNotEqualTo(config(RewritesItsContent.class))
			.isEqualTo(config(CountsEverySearch.class));
	}

	/**
	 * The context the test class's tests run in: from Spring's context cache, as for any
	 * test class.
	 */
	private static ApplicationContext context(Class<?> testClass) {
		return new TestContextManager(testClass).getTestContext().getApplicationContext();
	}

	/** What Spring's context cache keys the test class's context on. */
	private static MergedContextConfiguration config(Class<?> testClass) {
		return BootstrapUtils.resolveTestContextBootstrapper(testClass).buildMergedContextConfiguration();
	}

}
