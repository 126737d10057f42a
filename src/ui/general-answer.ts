/**
 * Words for answer text that sits in no stage's section (a plain-text answer, standard input, the
 * paragraphs under a Markdown document title): the scorer reads it as a whole, so the review shows it
 * once, before the stages, and each stage without a section of its own points back to it.
 */

/** The heading over text that belongs to no stage's section. */
export const GENERAL_TITLE = 'Answer not split into stages';
/** Under GENERAL_TITLE: how that text was scored. */
export const GENERAL_NOTE = 'scored as a whole: every stage looks for its points here';
/** A stage with no section of its own when the answer has text outside the sections. */
export const GENERAL_STAGE_NOTE = '(no section of its own; see the answer above)';
