package dev.faqkb.feedback;

import java.time.Instant;

import dev.faqkb.site.SearchPerformed;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class SearchLoggingTest {

	private final SearchLog searchLog = mock(SearchLog.class);

	private final SearchLogQueue queue = mock(SearchLogQueue.class);

	private final SearchLogging logging = new SearchLogging(searchLog, queue,
			new dev.faqkb.system.Storage(new org.springframework.jdbc.datasource.SimpleDriverDataSource()));

	@Test
	void aSearchGetsItsIdAtOnceForTheResultLinksAndWaitsToBeWritten() {
		when(searchLog.nextId()).thenReturn(42L);

		assertThat(logging.searched(new SearchPerformed("  Reset   Password", null, 3, 1))).hasValue(42);
		verify(queue).searched(eq(42L), eq("  Reset   Password"), eq(3L), any(Instant.class), isNull());
	}

	@Test
	void laterPagesAndEmptySearchesAreNotLoggedAgain() {
		assertThat(logging.searched(new SearchPerformed("reset password", null, 30, 2))).isEmpty();
		assertThat(logging.searched(new SearchPerformed("   ", null, 0, 1))).isEmpty();
		verifyNoInteractions(searchLog, queue);
	}

	@Test
	void aSearchThatCannotGetAnIdGetsNoIdInsteadOfAnError() {
		when(searchLog.nextId()).thenThrow(new DataAccessResourceFailureException("database down"));

		assertThat(logging.searched(new SearchPerformed("reset password", null, 3, 1))).isEmpty();
		verify(queue, never()).searched(anyLong(), anyString(), anyLong(), any(), any());
	}

}
