import { parseAnswers, type ParsedAnswers } from './parse.js';

/** How an answer is read, as `score --format` names it. */
export type AnswerFormatOption = 'yaml' | 'md' | 'text';

/**
 * Reads an answer in the format asked for, or, without one, the format its name says (.yaml/.yml is
 * YAML, anything else Markdown). Text with no name to go by (standard input) is YAML when it parses
 * as a mapping of stages, Markdown otherwise. Issues always name `name`. Pure.
 */
export function readAnswersAs(text: string, name: string, format: AnswerFormatOption | undefined, named: boolean): ParsedAnswers {
  const chosen = format ?? (named ? (/\.ya?ml$/i.test(name) ? 'yaml' : 'md') : sniff(text));
  if (chosen === 'text') return { format: 'text', answers: { sections: {}, general: text }, mapping: [], issues: [] };
  const parsed = parseAnswers(text, chosen === 'yaml' ? `${name}.yaml` : `${name}.md`);
  return { ...parsed, issues: parsed.issues.map((i) => ({ ...i, file: name })) };
}

function sniff(text: string): AnswerFormatOption {
  // Only a document that reads cleanly as stages is YAML: prose with a colon stays Markdown.
  if (!/^[ \t]*[A-Za-z][\w /&-]*:/m.test(text)) return 'md';
  const asYaml = parseAnswers(text, 'stdin.yaml');
  return asYaml.issues.every((i) => i.severity !== 'error') && asYaml.mapping.length > 0 ? 'yaml' : 'md';
}
