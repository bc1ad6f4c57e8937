/**
 * "Didn't find your answer? Ask us": the form under weak search results and at the end of
 * each category page, the stored open questions, and the owner's list of them in the
 * insights (mark answered, dismiss, CSV).
 */
package dev.faqkb.ask;
