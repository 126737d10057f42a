/**
 * Words for answer text that sits in no stage's section (a plain-text answer, standard input, the
 * paragraphs under a Markdown document title): the scorer reads it as a whole, so the review shows it
 * once, before the stages, and each stage without a section of its own points back to it.
 */

/** The heading over text that belongs to no stage's section, when no stage has a section. */
export const GENERAL_TITLE = 'Answer not split into stages';
/**
 * The heading over the same text when other text is in stages' sections (a title and intro above the
 * stage headings): the answer was split, this part was not (tryout 5).
 */
export const GENERAL_OUTSIDE_TITLE = 'Outside the stage sections';

/** The heading for text outside the sections of `sections` (a stage id to its text). */
export function generalTitle(sections: Readonly<Record<string, string | undefined>>): string {
  return Object.values(sections).some((text) => text?.trim()) ? GENERAL_OUTSIDE_TITLE : GENERAL_TITLE;
}
/** Under GENERAL_TITLE: how that text was scored. */
export const GENERAL_NOTE = 'scored as a whole: every stage looks for its points here';
/**
 * How text outside the stage sections of a split answer was scored, in the words of the score report's
 * sections line (ui/report.ts): in no stage, its points credited wherever an item finds them, while the
 * answer was scored by its sections (tryout 11: review said "scored as a whole").
 */
export const GENERAL_OUTSIDE_NOTE = 'no stage (scored as general text): the answer was scored by its sections, and any stage\'s items may still find their points here';
/** What the score report says of a heading that names no stage (`"Card fraud detection" → no stage ...`). */
export const NO_STAGE = 'no stage (scored as general text)';
/** How the text outside the sections of `sections` was scored: GENERAL_NOTE or GENERAL_OUTSIDE_NOTE. */
export function generalNote(sections: Readonly<Record<string, string | undefined>>): string {
  return generalTitle(sections) === GENERAL_OUTSIDE_TITLE ? GENERAL_OUTSIDE_NOTE : GENERAL_NOTE;
}
/** A stage with no section of its own when the whole answer has no stage sections (its text is above). */
export const GENERAL_STAGE_NOTE = '(no section of its own; see the answer above)';
/** A stage with no section of its own in an answer split into stages: not answered, as the score report says. */
export const UNSECTIONED_STAGE_NOTE = '(no section of its own)';
/** The note under a stage with no section, in an answer whose stage sections are `sections`. */
export function stageWithoutSectionNote(sections: Readonly<Record<string, string | undefined>>): string {
  return generalTitle(sections) === GENERAL_OUTSIDE_TITLE ? UNSECTIONED_STAGE_NOTE : GENERAL_STAGE_NOTE;
}
