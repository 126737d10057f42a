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
/** A stage with no section of its own when the answer has text outside the sections. */
export const GENERAL_STAGE_NOTE = '(no section of its own; see the answer above)';
