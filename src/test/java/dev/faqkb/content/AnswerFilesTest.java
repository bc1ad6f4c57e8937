package dev.faqkb.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.faqkb.TestContent;
import dev.faqkb.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Images and files beside the Markdown: checked like links, served at an address named by
 * their content, and only when an answer uses them.
 */
class AnswerFilesTest {

	private static final byte[] PDF = "%PDF-1.4\n% a manual\n".getBytes(StandardCharsets.US_ASCII);

	@TempDir
	Path dir;

	private ContentFixture content() {
		return new ContentFixture(dir);
	}

	@Test
	void anImageAndAFileOfTheFolderBecomeAddressesNamedByTheirContentWithTheImageSize() {
		Catalog catalog = content().file("img/flow.png", TestImages.png(64, 48))
			.file("files/manual.pdf", PDF)
			.category("general", "General", """
					## How does it flow?

					![The flow](img/flow.png)

					See [the manual](files/manual.pdf#page=2).
					""")
			.load();
		String png = TestContent.fileHash(TestImages.png(64, 48));
		String pdf = TestContent.fileHash(PDF);
		assertThat(catalog.question("general", "how-does-it-flow").orElseThrow().answerHtml()).isEqualTo("""
				<p><img src="/files/%s/flow.png" alt="The flow" width="64" height="48" /></p>
				<p>See <a href="/files/%s/manual.pdf#page=2">the manual</a>.</p>
				""".formatted(png, pdf));
		assertThat(catalog.files().find(png, "flow.png")).get()
			.satisfies(file -> assertThat(file.path()).isEqualTo("img/flow.png"))
			.satisfies(file -> assertThat(file.type().contentType()).isEqualTo("image/png"));
		assertThat(catalog.files().find(pdf, "manual.pdf")).isPresent();
	}

	@Test
	void aTranslationUsesFilesRelativeToItsOwnFolder() {
		ContentFixture content = content().file("img/flow.png", TestImages.png(64, 48))
			.file("fr/img/flux.png", TestImages.png(32, 24))
			.category("general", "General", "## Flow? {#flow}\n\n![The flow](img/flow.png)\n");
		content.file("fr/general.md", "---\ntitle: Général\n---\n## Le flux ? {#flow}\n\n![Le flux](../img/flow.png) "
				+ "![Le flux en français](img/flux.png)\n");
		Editions editions = new ContentLoader(new MarkdownRenderer(), false).loadAll(dir);
		String french = editions.of("fr").orElseThrow().question("general", "flow").orElseThrow().answerHtml();
		assertThat(french).contains("src=\"/files/" + TestContent.fileHash(TestImages.png(64, 48)) + "/flow.png\"")
			.contains("src=\"/files/" + TestContent.fileHash(TestImages.png(32, 24)) + "/flux.png\"");
		assertThat(editions.original().files().all()).extracting(ServedFile::path)
			.containsExactlyInAnyOrder("img/flow.png", "fr/img/flux.png");
	}

	@Test
	void onlyTheFilesThatServedContentUsesAreServed() {
		Catalog catalog = content().file("img/used.png", TestImages.png(10, 10))
			.file("img/unused.png", TestImages.png(11, 11))
			.file("img/draft.png", TestImages.png(12, 12))
			.category("general", "General", """
					## Shown?

					![Used](img/used.png)

					## Coming? {.draft}

					![Draft](img/draft.png)
					""")
			.load();
		assertThat(catalog.files().all()).extracting(ServedFile::path).containsExactly("img/used.png");
	}

	@Test
	void eachKindOfImageGetsTheSizeItIsShownAt() {
		Catalog catalog = content().file("a.png", TestImages.png(30, 20))
			.file("b.jpg", TestImages.jpeg(31, 21))
			.file("c.gif", TestImages.gif(32, 22))
			.file("d.webp", TestImages.webp())
			.file("e.avif", TestImages.avif())
			.file("f.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120px\" height=\"80\"/>")
			.file("g.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" viewBox=\"0 0 400 300\"/>")
			.file("h.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
			.category("general", "General", """
					## Which?

					![a](a.png) ![b](b.jpg) ![c](c.gif) ![d](d.webp) ![e](e.avif) ![f](f.svg) ![g](g.svg) ![h](h.svg)
					""")
			.load();
		String html = catalog.question("general", "which").orElseThrow().answerHtml();
		assertThat(html).containsPattern("alt=\"a\" width=\"30\" height=\"20\" />")
			.containsPattern("alt=\"b\" width=\"31\" height=\"21\" loading=\"lazy\" />")
			.containsPattern("alt=\"c\" width=\"32\" height=\"22\" loading=\"lazy\" />")
			.containsPattern("alt=\"d\" width=\"64\" height=\"48\" loading=\"lazy\" />")
			.containsPattern("alt=\"e\" width=\"64\" height=\"48\" loading=\"lazy\" />")
			.containsPattern("alt=\"f\" width=\"120\" height=\"80\" loading=\"lazy\" />")
			.containsPattern("alt=\"g\" width=\"400\" height=\"300\" loading=\"lazy\" />")
			.containsPattern("alt=\"h\" loading=\"lazy\" />");
	}

	@Test
	void anImageAloneWithATitleIsAFigureWithACaptionAndTheFirstImageIsNotLazy() {
		Catalog catalog = content().file("shot.png", TestImages.png(40, 30)).category("general", "General", """
				## Where is the setting?

				![The settings page](shot.png "Settings <b>page</b>")

				Inline ![icon](shot.png "An icon") keeps its title.
				""").load();
		String png = TestContent.fileHash(TestImages.png(40, 30));
		assertThat(catalog.question("general", "where-is-the-setting").orElseThrow().answerHtml()).isEqualTo(
				"""
						<figure>
						<img src="/files/%1$s/shot.png" alt="The settings page" width="40" height="30" />
						<figcaption>Settings &lt;b&gt;page&lt;/b&gt;</figcaption>
						</figure>
						<p>Inline <img src="/files/%1$s/shot.png" alt="icon" title="An icon" width="40" height="30" loading="lazy" /> keeps its title.</p>
						"""
					.formatted(png));
	}

	@Test
	void theAltTextAndCaptionOfAnImageAreTheAnswersTextButNotItsAddress() {
		Catalog catalog = content().file("shot.png", TestImages.png(4, 4))
			.category("general", "General",
					"## Where?\n\nHere:\n\n![The export button](shot.png \"Settings, Export\")\n")
			.load();
		assertThat(catalog.question("general", "where").orElseThrow().answerText())
			.isEqualTo("Here:\n\nThe export button Settings, Export");
	}

	@Test
	void imagesAndLinksByReferenceAreCheckedAndServedToo() {
		Catalog catalog = content().file("img/logo.png", TestImages.png(8, 8))
			.file("guide.pdf", PDF)
			.category("general", "General", """
					## Logo?

					![Our logo][logo] and [the guide][guide].

					[logo]: img/logo.png
					[guide]: guide.pdf
					""")
			.load();
		assertThat(catalog.question("general", "logo").orElseThrow().answerHtml()).isEqualTo(
				"<p><img src=\"/files/%s/logo.png\" alt=\"Our logo\" width=\"8\" height=\"8\" /> and <a href=\"/files/%s/guide.pdf\">the guide</a>.</p>\n"
					.formatted(TestContent.fileHash(TestImages.png(8, 8)), TestContent.fileHash(PDF)));
	}

	@Test
	void aDecorativeImageNeedsNoAltTextAndShowsNone() {
		Catalog catalog = content().file("line.png", TestImages.png(100, 2))
			.category("general", "General", "## Nice?\n\n![](line.png){.decorative}\n")
			.load();
		assertThat(catalog.question("general", "nice").orElseThrow().answerHtml()).isEqualTo(
				"<p><img src=\"/files/%s/line.png\" alt=\"\" class=\"decorative\" width=\"100\" height=\"2\" /></p>\n"
					.formatted(TestContent.fileHash(TestImages.png(100, 2))));
	}

	@Test
	void everyMistakeWithAnImageOrFileIsAnErrorAtItsLine() throws IOException {
		Path outside = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-outside"));
		Files.write(outside.resolve("secret.png"), TestImages.png(5, 5));
		ContentFixture content = content().file("img/ok.png", TestImages.png(5, 5))
			.file(".hidden/x.png", TestImages.png(5, 5))
			.file("img/.x.png", TestImages.png(5, 5))
			.file("tool.exe", "MZ")
			.file("notes", "no extension")
			.file("fake.png", "not a picture")
			.file("manual.pdf", PDF)
			.category("other", "Other", "## Other?\n\nYes.\n")
			.category("general", "General", """
					## Everything wrong?

					![Missing](img/missing.png)

					![Out](../%s/secret.png)

					![Hidden](.hidden/x.png) ![Hidden too](img/.x.png)

					[Tool](tool.exe) [Notes](notes) [Site](site.yml)

					![The source](other.md)

					![A fake](fake.png)

					![The manual](manual.pdf)

					![](img/ok.png)

					[Folder](img/)
					""".formatted(outside.getFileName()));
		content.file("site.yml", "title: FAQ\n");
		assertThat(content.errors()).containsExactly(
				"general.md:6: image 'img/missing.png': there is no file img/missing.png in the content folder",
				"general.md:8: image '../" + outside.getFileName()
						+ "/secret.png': it is outside the content folder, and only files inside it are served",
				"general.md:10: image '.hidden/x.png': .hidden/x.png is hidden (a name starting with '.'), and hidden files are never served",
				"general.md:10: image 'img/.x.png': img/.x.png is hidden (a name starting with '.'), and hidden files are never served",
				"general.md:12: link to 'tool.exe': .exe files are not served; the types that are: "
						+ FileTypes.listed(),
				"general.md:12: link to 'notes': files without an extension are not served; the types that are: "
						+ FileTypes.listed(),
				"general.md:12: link to 'site.yml': .yml files are not served; the types that are: "
						+ FileTypes.listed(),
				"general.md:14: image 'other.md': .md files are not served; the types that are: " + FileTypes.listed(),
				"general.md:16: image 'fake.png': cannot read fake.png as an image of its type (image/png): is it really a .png file?",
				"general.md:18: image 'manual.pdf': manual.pdf is not an image (images: .avif, .gif, .jpeg, .jpg, .png, .svg, .webp); to offer it for download, link to it: [text](manual.pdf)",
				"general.md:20: image 'img/ok.png' has no alt text: say what it shows, ![like this](img/ok.png), for readers who cannot see it; an image that only decorates says so with ![](img/ok.png){.decorative}",
				"general.md:22: link to 'img/': img is a folder, not a file");
	}

	@Test
	void aFileOverTheSizeLimitIsAnError() {
		content().file("big.pdf", new byte[2 * 1024 * 1024 + 1])
			.file("small.pdf", new byte[1024 * 1024])
			.category("general", "General", "## Big?\n\n[Big](big.pdf) and [small](small.pdf).\n");
		ContentException error = org.assertj.core.api.Assertions.catchThrowableOfType(ContentException.class,
				() -> new ContentLoader(new MarkdownRenderer(), false, 2 * 1024 * 1024).load(dir));
		assertThat(error.errors()).extracting(ContentError::message)
			.containsExactly(
					"link to 'big.pdf': big.pdf is 2.0 MB, over the limit of 2 MB (faqkb.content.max-file-size)");
	}

	@Test
	void aLinkOutOfTheFolderThroughASymbolicLinkIsAnError() throws IOException {
		Path outside = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-elsewhere"));
		Files.write(outside.resolve("secret.png"), TestImages.png(5, 5));
		Files.createDirectories(dir);
		Files.createSymbolicLink(dir.resolve("linked.png"), outside.resolve("secret.png"));
		assertThat(content().category("general", "General", "## Linked?\n\n![Secret](linked.png)\n").errors())
			.containsExactly("general.md:6: image 'linked.png': linked.png is a link to a file outside the content "
					+ "folder, which is never served");
	}

	@Test
	void aFileChangedBetweenTwoLoadsOfOneLoaderGetsANewAddress() {
		ContentLoader loader = new ContentLoader(new MarkdownRenderer(), false);
		content().file("img/flow.png", TestImages.png(20, 10))
			.category("general", "General", "## Flow?\n\n![Flow](img/flow.png)\n");
		String before = loader.load(dir).question("general", "flow").orElseThrow().answerHtml();
		content().file("img/flow.png", TestImages.png(30, 10));
		String after = loader.load(dir).question("general", "flow").orElseThrow().answerHtml();
		assertThat(before).contains(TestContent.fileHash(TestImages.png(20, 10))).contains("width=\"20\"");
		assertThat(after).contains(TestContent.fileHash(TestImages.png(30, 10))).contains("width=\"30\"");
	}

}
