import { parseAnswers, type ParsedAnswers } from './parse.js';

/** How an answer is read, as `score --format` names it. */
export type AnswerFormatOption = 'yaml' | 'md' | 'text';

/**
 * Reads an answer in the format asked for, or, without one, the format its name says (.yaml/.yml is
 * YAML, anything else Markdown). Text with no name to go by (standard input) is YAML when it parses
 * as a mapping with a key that names a stage (its other keys then checked), Markdown otherwise. Issues always name `name`. Pure.
 */
export function readAnswersAs(text: string, name: string, format: AnswerFormatOption | undefined, named: boolean): ParsedAnswers {
  const chosen = format ?? (named ? (/\.ya?ml$/i.test(name) ? 'yaml' : 'md') : sniff(text));
  if (chosen === 'text') return { format: 'text', answers: { sections: {}, general: text }, mapping: [], issues: [] };
  const parsed = parseAnswers(text, chosen === 'yaml' ? `${name}.yaml` : `${name}.md`);
  return { ...parsed, issues: parsed.issues.map((i) => ({ ...i, file: name })) };
}

function sniff(text: string): AnswerFormatOption {
  // A YAML mapping with at least one key that names a stage is YAML, and its other keys are checked
  // as in a .yaml file (a typo such as "modle:" is an error, not prose); prose with a colon fails to
  // parse as a mapping, or names no stage, and stays Markdown.
  if (!/^[ \t]*[A-Za-z][\w /&-]*:/m.test(text)) return 'md';
  return parseAnswers(text, 'stdin.yaml').mapping.length > 0 ? 'yaml' : 'md';
}
