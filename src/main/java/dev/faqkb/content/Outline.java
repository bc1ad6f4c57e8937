package dev.faqkb.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A category body read into sections and questions by {@link OutlineReader}. Questions
 * left out as drafts are not in it.
 *
 * @param document the parsed body, which the outline's blocks belong to; rendering them
 * is the last phase
 * @param intro the blocks before the first heading (and after a faulty heading outside
 * any section)
 * @param sections in order; the first has no title and holds the questions before any
 * section heading
 * @param questionIds the ids of its questions, looked up for every link and redirect
 * @param sectionIds the ids of its sections, which links may name too
 * @param draftsLeftOut whether draft questions were left out
 */
record Outline(MarkdownDocument document, List<MarkdownBlock> intro, List<Section> sections, Set<String> questionIds,
		Set<String> sectionIds, boolean draftsLeftOut) {

	Outline {
		intro = List.copyOf(intro);
		sections = List.copyOf(sections);
		questionIds = Set.copyOf(questionIds);
		sectionIds = Set.copyOf(sectionIds);
	}

	/**
	 * Each part that is rendered on its own, in order: the intro, then each section's
	 * intro and each of its answers. Footnotes belong to one part.
	 */
	List<List<MarkdownBlock>> parts() {
		List<List<MarkdownBlock>> parts = new ArrayList<>();
		parts.add(intro);
		for (Section section : sections) {
			parts.add(section.intro());
			section.questions().forEach(question -> parts.add(question.answer()));
		}
		return parts;
	}

	/**
	 * A {@code #} heading and what follows it up to the next one.
	 *
	 * @param id {@code null} for the first section, which has no heading
	 * @param title {@code null} for the first section
	 * @param intro the blocks between the heading and the first question
	 */
	record Section(String id, String title, List<MarkdownBlock> intro, List<Question> questions) {

		Section {
			intro = List.copyOf(intro);
			questions = List.copyOf(questions);
		}

	}

	/**
	 * A {@code ##} heading and its answer.
	 *
	 * @param line the file line of the heading
	 * @param answer the blocks up to the next {@code #} or {@code ##} heading
	 * @param answerMarkdown the answer's text as written in the file
	 */
	record Question(String id, String text, int line, boolean draft, List<MarkdownBlock> answer,
			String answerMarkdown) {

		Question {
			answer = List.copyOf(answer);
		}

	}

}
