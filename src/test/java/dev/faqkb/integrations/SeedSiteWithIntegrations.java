package dev.faqkb.integrations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The seed content ({@code content/}) served on a random port with every integration on:
 * the slash command with two tokens and two Slack signing secrets (at most 3 commands a
 * minute per user), the MCP server, and the admin pages. One application context, shared
 * by the test classes that use this.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		// Dates from git off: the seed content's are those of faqkb's own history, which
		// these tests do not pin.
		properties = { "faqkb.content-dir=content", "faqkb.content.watch=false", "faqkb.content.git-dates=false",
				"faqkb.integrations.slash.tokens=" + SeedSiteWithIntegrations.TOKEN + ",second-token",
				"faqkb.integrations.slash.signing-secrets=" + SeedSiteWithIntegrations.SIGNING_SECRET
						+ ",second-secret",
				"faqkb.integrations.slash.rate-limit=3",
				"faqkb.admin.password=" + SeedSiteWithIntegrations.ADMIN_PASSWORD })
@AutoConfigureMockMvc
public @interface SeedSiteWithIntegrations {

	String TOKEN = "xr3j5x3p4pfdm8ou9qexs8ak5r";

	String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

	String ADMIN_PASSWORD = "owner secret";

}
