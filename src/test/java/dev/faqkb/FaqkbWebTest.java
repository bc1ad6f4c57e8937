package dev.faqkb;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.annotation.AliasFor;

/**
 * The whole application, driven through {@code MockMvcTester} (or HTTP with
 * {@link WebEnvironment#RANDOM_PORT}), over a content folder and an in-memory H2
 * database, shared by the test classes with the same content and properties (see
 * {@link TestContent.Folder}): <pre>
 * &#64;FaqkbWebTest(properties = "faqkb.content.show-drafts=true")
 * class DraftsShownTest {
 *
 * 	&#64;TestContent.Setup
 * 	static void content(TestContent content) {
 * 		content.drafts();
 * 	}
 * </pre> Without a {@link TestContent.Setup} method the site is
 * {@link TestContent#helpAndBilling()}. Content is not watched unless the class sets
 * {@code faqkb.content.watch=true}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest
@AutoConfigureMockMvc
@TestContent.Folder
public @interface FaqkbWebTest {

	/**
	 * Properties of this test class, in {@code key=value} form; they win over those of
	 * the fixture.
	 */
	@AliasFor(annotation = SpringBootTest.class)
	String[] properties() default {};

	@AliasFor(annotation = SpringBootTest.class)
	WebEnvironment webEnvironment() default WebEnvironment.MOCK;

}
