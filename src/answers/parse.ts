/** Moved: answers files are read in src/reading/sections.ts. Kept so existing imports still work. */
export { matchHeading, parseAnswers, type AnswersFormat, type ParsedAnswers, type SectionMapping } from '../reading/sections.js';
