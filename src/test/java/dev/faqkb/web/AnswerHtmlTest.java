package dev.faqkb.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answer HTML as pages show it: code blocks and tables that may scroll take the keyboard
 * focus, and a code block names its language.
 */
class AnswerHtmlTest {

	private final AnswerHtml answers = new AnswerHtml();

	@Test
	void fencedCodeWithALanguageGetsALabelAndTakesTheFocus() {
		assertThat(answers
			.html("<p>Run:</p>\n<pre><code class=\"language-python\">print(&quot;hi&quot;)\n</code></pre>\n"))
			.isEqualTo(
					"<p>Run:</p>\n<div class=\"code-block\"><div class=\"code-bar\"><span class=\"code-lang\">python</span>"
							+ "</div><pre tabindex=\"0\"><code class=\"language-python\">print(&quot;hi&quot;)\n</code></pre></div>\n");
	}

	@Test
	void codeWithoutALanguageOrMarkedPlainHasNoLabel() {
		assertThat(answers.html("<pre><code>x = 1\n</code></pre>"))
			.isEqualTo("<div class=\"code-block\"><pre tabindex=\"0\"><code>x = 1\n</code></pre></div>");
		assertThat(answers.html("<pre><code class=\"language-none\">$ ls\n</code></pre>")).isEqualTo(
				"<div class=\"code-block\"><pre tabindex=\"0\"><code class=\"language-none\">$ ls\n</code></pre></div>");
	}

	@Test
	void anAuthorsOwnPreKeepsItsAttributesAndTabindex() {
		assertThat(answers.html("<pre class=\"shell\" tabindex=\"-1\">$ make</pre>"))
			.isEqualTo("<div class=\"code-block\"><pre class=\"shell\" tabindex=\"-1\">$ make</pre></div>");
	}

	@Test
	void aTableScrollsInAFocusableBoxButATableInATableIsLeftAlone() {
		assertThat(answers.html("<table><tr><td>a</td></tr></table>"))
			.isEqualTo("<div class=\"table-scroll\" tabindex=\"0\"><table><tr><td>a</td></tr></table></div>");
		String nested = "<table><tr><td><table><tr><td>a</td></tr></table></td></tr></table>";
		assertThat(answers.html(nested)).isEqualTo(nested);
	}

	@Test
	void onlyAPageWithCodeInALanguageLoadsTheHighlighter() {
		assertThat(AnswerHtml.hasCodeToColour("<pre><code class=\"language-python\">x = 1\n</code></pre>")).isTrue();
		assertThat(AnswerHtml.hasCodeToColour("<pre><code>x = 1\n</code></pre>")).isFalse();
		assertThat(AnswerHtml.hasCodeToColour("<pre><code class=\"language-text\">plain\n</code></pre>")).isFalse();
		assertThat(AnswerHtml.hasCodeToColour("<p>Write <code class=\"language-python\">x</code> inline.</p>"))
			.as("inline code is never coloured")
			.isFalse();
	}

	@Test
	void htmlWithoutCodeOrTablesIsUnchanged() {
		String html = "<p>Plain <code>inline</code> text, a <a href=\"/pre\">link</a>.</p>";
		assertThat(answers.html(html)).isSameAs(html);
	}

}
