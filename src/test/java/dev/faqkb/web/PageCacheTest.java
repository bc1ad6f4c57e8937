package dev.faqkb.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

import dev.faqkb.TestContent;
import dev.faqkb.content.Catalog;
import dev.faqkb.content.ContentLoader;
import dev.faqkb.content.MarkdownRenderer;
import dev.faqkb.search.SearchIndex;
import dev.faqkb.search.Vectors;
import dev.faqkb.site.Snapshot;
import dev.faqkb.system.FaqkbProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The page cache follows what a snapshot's pages are made from. */
class PageCacheTest {

	@TempDir
	Path content;

	@Test
	void pagesMadeBeforeTheVectorsWereReadyAreMadeAgainOnceSearchRanksByMeaning() {
		Catalog catalog = new ContentLoader(new MarkdownRenderer(), false).load(TestContent.write(content));
		Snapshot snapshot = new Snapshot(catalog, new SearchIndex(catalog), Instant.now());
		FaqkbProperties properties = mock(FaqkbProperties.class);
		when(properties.pages()).thenReturn(new FaqkbProperties.Pages(DataSize.ofMegabytes(1), DataSize.ofKilobytes(100)));
		PageCache pages = new PageCache(properties);
		CachedPage byWords = page("related questions by words");
		pages.get(snapshot, "/faq/help/export", () -> byWords);
		assertThat(pages.find(snapshot, "/faq/help/export")).isSameAs(byWords);

		int questions = catalog.questions().size();
		float[][] vectors = new float[questions][questions];
		for (int i = 0; i < questions; i++) {
			vectors[i][i] = 1f;
		}
		snapshot.index().useVectors(Vectors.of(vectors), query -> vectors[0]);

		assertThat(pages.find(snapshot, "/faq/help/export")).as("a page of the lexical snapshot").isNull();
		CachedPage byMeaning = page("related questions by meaning");
		assertThat(pages.get(snapshot, "/faq/help/export", () -> byMeaning)).isSameAs(byMeaning);
		assertThat(pages.find(snapshot, "/faq/help/export")).isSameAs(byMeaning);
	}

	private static CachedPage page(String text) {
		return CachedPage.of(text.getBytes(StandardCharsets.UTF_8), "text/plain", CachedPage.REVALIDATE);
	}

}
