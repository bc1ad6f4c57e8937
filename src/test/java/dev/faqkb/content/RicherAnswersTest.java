package dev.faqkb.content;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Callouts in GitHub's syntax, footnotes per answer, task lists and definition lists: the
 * Markdown authors already write, as exact HTML.
 */
class RicherAnswersTest {

	@TempDir
	Path dir;

	private ContentFixture content() {
		return new ContentFixture(dir);
	}

	private String answer(String body) {
		return content().category("general", "General", "## Question? {#q}\n\n" + body)
			.load()
			.question("general", "q")
			.orElseThrow()
			.answerHtml();
	}

	@Test
	void aQuoteStartingWithACalloutMarkerIsALabelledNote() {
		assertThat(answer("""
				> [!WARNING]
				> Back up *first*.
				> It cannot be undone.
				""")).isEqualTo("""
				<div class="callout callout-warning" role="note">
				<p class="callout-title">Warning</p>
				<p>Back up <em>first</em>.
				It cannot be undone.</p>
				</div>
				""");
	}

	@Test
	void everyTypeOfCalloutInAnyCaseHasItsTitleAndBlocksStayBlocks() {
		assertThat(answer("""
				> [!note]
				> One.

				> [!Tip]
				>
				> - a list

				> [!IMPORTANT]
				> Three.

				> [!CAUTION]
				> Five.
				""")).isEqualTo("""
				<div class="callout callout-note" role="note">
				<p class="callout-title">Note</p>
				<p>One.</p>
				</div>
				<div class="callout callout-tip" role="note">
				<p class="callout-title">Tip</p>
				<ul>
				<li>a list</li>
				</ul>
				</div>
				<div class="callout callout-important" role="note">
				<p class="callout-title">Important</p>
				<p>Three.</p>
				</div>
				<div class="callout callout-caution" role="note">
				<p class="callout-title">Caution</p>
				<p>Five.</p>
				</div>
				""");
	}

	@Test
	void aQuoteWhoseMarkerIsNotOnALineOfItsOwnIsAQuote() {
		assertThat(answer("> [!NOTE] is what GitHub writes.\n"))
			.isEqualTo("<blockquote>\n<p>[!NOTE] is what GitHub writes.</p>\n</blockquote>\n");
	}

	@Test
	void anUnknownCalloutTypeIsAnError() {
		assertThat(content().category("general", "General", "## Q?\n\n> [!WARN]\n> Careful.\n").errors())
			.containsExactly("general.md:6: [!WARN] is no callout: the types are [!NOTE], [!TIP], [!IMPORTANT], "
					+ "[!WARNING], [!CAUTION] (another is shown as a quote, with its marker)");
	}

	@Test
	void footnotesAreNumberedAndListedPerAnswerWithIdsNamingIt() {
		Catalog catalog = content().category("general", "General", """
				## First? {#first}

				A claim[^src] and a note[^n], the claim again[^src].

				[^n]: A *note*.
				[^src]: The source.

				## Second? {#second}

				Another claim[^src].

				[^src]: Another source.
				""").load();
		assertThat(catalog.question("general", "first").orElseThrow().answerHtml()).isEqualTo(
				"""
						<p>A claim<sup class="footnote-ref"><a href="#fn-first-1" id="fnref-first-1"><span class="visually-hidden">Footnote </span>1</a></sup> \
						and a note<sup class="footnote-ref"><a href="#fn-first-2" id="fnref-first-2"><span class="visually-hidden">Footnote </span>2</a></sup>, \
						the claim again<sup class="footnote-ref"><a href="#fn-first-1" id="fnref-first-1-2"><span class="visually-hidden">Footnote </span>1</a></sup>.</p>
						<ol class="footnotes" aria-label="Footnotes">
						<li id="fn-first-1">
						<p>The source.</p>
						<a href="#fnref-first-1" class="footnote-back"><span aria-hidden="true">&#8617;</span><span class="visually-hidden">Back to the text of footnote 1</span></a>
						</li>
						<li id="fn-first-2">
						<p>A <em>note</em>.</p>
						<a href="#fnref-first-2" class="footnote-back"><span aria-hidden="true">&#8617;</span><span class="visually-hidden">Back to the text of footnote 2</span></a>
						</li>
						</ol>
						""");
		assertThat(catalog.question("general", "second").orElseThrow().answerHtml()).isEqualTo(
				"""
						<p>Another claim<sup class="footnote-ref"><a href="#fn-second-1" id="fnref-second-1"><span class="visually-hidden">Footnote </span>1</a></sup>.</p>
						<ol class="footnotes" aria-label="Footnotes">
						<li id="fn-second-1">
						<p>Another source.</p>
						<a href="#fnref-second-1" class="footnote-back"><span aria-hidden="true">&#8617;</span><span class="visually-hidden">Back to the text of footnote 1</span></a>
						</li>
						</ol>
						""");
	}

	@Test
	void aFootnotesNoteIsSearchedButNotItsLabel() {
		Catalog catalog = content()
			.category("general", "General", "## Q? {#q}\n\nA claim[^src].\n\n[^src]: The source.\n")
			.load();
		assertThat(catalog.question("general", "q").orElseThrow().answerText()).isEqualTo("A claim.\n\nThe source.");
	}

	@Test
	void aFootnoteWithoutItsNoteInTheAnswerOrANoteNotUsedIsAnError() {
		assertThat(content().category("general", "General", """
				## First?

				A claim[^a] and[^missing].

				[^a]: Here.
				[^a]: Twice.
				[^b]: Used in the next answer only.

				## Second?

				Uses b[^b].
				""").errors()).containsExactly(
				"general.md:6: footnote [^missing] has no definition in this answer: add a line '[^missing]: ...' to "
						+ "it (footnotes belong to the answer they are in)",
				"general.md:9: footnote [^a] is defined twice in this answer; the first is on line 8",
				"general.md:10: footnote [^b] is not used in this answer (footnotes belong to the answer they are in)",
				"general.md:14: footnote [^b] has no definition in this answer: add a line '[^b]: ...' to it "
						+ "(footnotes belong to the answer they are in)");
	}

	@Test
	void taskListsSayTheirStateInWordsAndDefinitionListsAreDefinitionLists() {
		assertThat(answer("""
				- [x] Back up
				- [ ] Upgrade

				Term
				: What it means.
				""")).isEqualTo(
				"""
						<ul>
						<li class="task-list-item"><span class="task task-done" aria-hidden="true"></span><span class="visually-hidden">Done: </span>Back up</li>
						<li class="task-list-item"><span class="task" aria-hidden="true"></span><span class="visually-hidden">Not done: </span>Upgrade</li>
						</ul>
						<dl>
						<dt>Term</dt>
						<dd>What it means.</dd>
						</dl>
						""");
	}

	@Test
	void aCalloutsTitleAndMarkerAreNotSearchedButItsTextIs() {
		Catalog catalog = content().category("general", "General", "## Q? {#q}\n\n> [!TIP]\n> Restart it.\n").load();
		assertThat(catalog.question("general", "q").orElseThrow().answerText()).isEqualTo("Restart it.");
	}

}
