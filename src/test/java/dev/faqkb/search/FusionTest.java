package dev.faqkb.search;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class FusionTest {

	// lexical scores are BM25 sums (tens), another retriever's are similarities (0..1)
	static final List<ScoredQuestion> LEXICAL = List.of(new ScoredQuestion(1, 12f), new ScoredQuestion(2, 8f),
			new ScoredQuestion(3, 4f));

	static final List<ScoredQuestion> SECOND = List.of(new ScoredQuestion(3, 0.9f), new ScoredQuestion(4, 0.7f),
			new ScoredQuestion(1, 0.5f));

	@Test
	void theLexicalRankingAloneComesBackUnchangedScoresIncluded() {
		assertThat(Fusion.LEXICAL_ONLY.fuse(LEXICAL, List.of())).isEqualTo(LEXICAL);
		assertThat(new Fusion(0.7f).fuse(LEXICAL, List.of())).isEqualTo(LEXICAL);
		assertThat(Fusion.LEXICAL_ONLY.fuse(List.of(), List.of())).isEmpty();
	}

	@Test
	void aSecondRankingWithNoWeightChangesNothing() {
		assertThat(Fusion.LEXICAL_ONLY.fuse(LEXICAL, SECOND)).isEqualTo(LEXICAL);
	}

	@Test
	void anEvenBlendScalesBothRankingsSoThatTheirUnitsDoNotMatter() {
		// each ranking scaled to 1 (best) .. 0 (worst); a question missing from a ranking
		// gets 0 from it
		List<ScoredQuestion> fused = new Fusion(0.5f).fuse(LEXICAL, SECOND);
		assertThat(fused).extracting(ScoredQuestion::ordinal).containsExactly(1, 3, 2, 4);
		assertThat(fused).extracting(ScoredQuestion::score)
			.satisfiesExactly(score -> assertThat(score).isCloseTo(0.5f, within(1e-6f)),
					score -> assertThat(score).isCloseTo(0.5f, within(1e-6f)),
					score -> assertThat(score).isCloseTo(0.25f, within(1e-6f)),
					score -> assertThat(score).isCloseTo(0.25f, within(1e-6f)));
	}

	@Test
	void theHeavierRankingLeads() {
		assertThat(new Fusion(0.8f).fuse(LEXICAL, SECOND)).extracting(ScoredQuestion::ordinal)
			.containsExactly(3, 4, 1, 2);
		assertThat(new Fusion(0.2f).fuse(LEXICAL, SECOND)).extracting(ScoredQuestion::ordinal)
			.containsExactly(1, 2, 3, 4);
	}

	@Test
	void onlyTheSecondRankingWhenTheLexicalOneFindsNothing() {
		assertThat(new Fusion(0.5f).fuse(List.of(), SECOND)).extracting(ScoredQuestion::ordinal)
			.containsExactly(3, 4, 1);
	}

	@Test
	void aRankingOfEqualScoresCountsEachAsItsBest() {
		List<ScoredQuestion> even = List.of(new ScoredQuestion(7, 3f), new ScoredQuestion(8, 3f));
		assertThat(new Fusion(0.5f).fuse(even, List.of(new ScoredQuestion(8, 0.4f))))
			.containsExactly(new ScoredQuestion(8, 1f), new ScoredQuestion(7, 0.5f));
	}

	@Test
	void aWeightOutsideZeroToOneIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Fusion(1.5f)).withMessageContaining("1.5");
		assertThatIllegalArgumentException().isThrownBy(() -> new Fusion(-0.1f));
		assertThatIllegalArgumentException().isThrownBy(() -> new Fusion(Float.NaN));
	}

}
