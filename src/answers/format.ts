import { matchHeading, parseAnswers, type ParsedAnswers } from './parse.js';
import { STAGE_IDS } from '../stages.js';

/** How an answer is read, as `score --format` names it. */
export type AnswerFormatOption = 'yaml' | 'md' | 'text';

/**
 * Reads an answer in the format asked for, or, without one, the format its name says (`formatFromName`).
 * Text with no name or extension to go by (standard input, a named pipe such as /dev/fd/63, a file with
 * no or an unknown extension) is YAML when it parses
 * as a mapping with a key that names a stage (its other keys then checked), unless a Markdown heading names
 * a stage ("## Model", which YAML reads as a comment) and no key is a stage's id; Markdown otherwise. A UTF-8
 * byte order mark is dropped first, whatever the format; YAML front matter at the top of a Markdown or
 * text answer is not answer text (see `withoutFrontMatter`). Issues always name `name`. Pure.
 */
export function readAnswersAs(text: string, name: string, format: AnswerFormatOption | undefined, named: boolean): ParsedAnswers {
  const unmarked = withoutByteOrderMark(text);
  const chosen = format ?? (named ? formatFromName(name) : undefined) ?? sniff(withoutFrontMatter(unmarked));
  const body = chosen === 'yaml' ? unmarked : withoutFrontMatter(unmarked);
  if (chosen === 'text') return { format: 'text', answers: { sections: {}, general: body }, mapping: [], issues: [] };
  const parsed = parseAnswers(body, chosen === 'yaml' ? `${name}.yaml` : `${name}.md`);
  return { ...parsed, issues: parsed.issues.map((i) => ({ ...i, file: name })) };
}

/** The format a file name's extension says: .yaml/.yml YAML; .md, .markdown, .txt, .text Markdown; else undefined (sniffed). */
export function formatFromName(name: string): AnswerFormatOption | undefined {
  if (/\.ya?ml$/i.test(name)) return 'yaml';
  if (/\.(md|markdown|mdown|mkd|txt|text)$/i.test(name)) return 'md';
  return undefined;
}

/** The text without a leading UTF-8 byte order mark (U+FEFF), which editors on Windows often write. */
export function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

// Front matter: a first line of exactly "---", then lines up to a closing "---" or "..." line.
const FRONT_MATTER = /^---[ \t]*\r?\n(?:[^\n]*\r?\n)*?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const FRONT_MATTER_MAX_LINES = 200;

/**
 * The text with YAML front matter (the metadata block many Markdown tools put at the top: "---",
 * "title: ...", "tags: [...]", "---") blanked out. Its lines become empty lines, so line numbers in
 * issues and evidence still point at the file as written. A block whose lines do not read as YAML
 * metadata (a "key:" line, a list item, an indented or comment line) is left as it is: it is a
 * thematic break, not front matter. Pure.
 */
export function withoutFrontMatter(text: string): string {
  const match = FRONT_MATTER.exec(text);
  if (!match) return text;
  const lines = match[0].split('\n');
  const inner = lines.slice(1).filter((l) => l.trim() !== '' && !/^(?:---|\.\.\.)[ \t]*\r?$/.test(l));
  if (lines.length > FRONT_MATTER_MAX_LINES || inner.length === 0) return text;
  if (!inner.every((l) => /^[\w-][\w -]*:(?:\s|$)|^\s+\S|^-\s|^#/.test(l))) return text;
  const blank = match[0].replace(/[^\r\n]+/g, '');
  return blank + text.slice(match[0].length);
}

function sniff(text: string): AnswerFormatOption {
  // A YAML mapping with at least one key that names a stage is YAML, and its other keys are checked
  // as in a .yaml file (a typo such as "modle:" is an error, not prose); prose with a colon fails to
  // parse as a mapping, or names no stage, and stays Markdown.
  if (!/^[ \t]*[A-Za-z][\w /&-]*:/m.test(text)) return 'md';
  // A Markdown heading that names a stage ("## Model") is a heading, though YAML would read it as a comment,
  // unless a key is a stage's own id ("model:"): then it is a YAML answer with a comment ("# TODO serving").
  if (markdownStageHeading(text) && !new RegExp(`^(?:${STAGE_IDS.join('|')})[ \\t]*:`, 'm').test(text)) return 'md';
  return parseAnswers(text, 'stdin.yaml').mapping.length > 0 ? 'yaml' : 'md';
}

/** Whether a line of `text` is an ATX heading ("#" to "######", a space, a title) whose title names a stage. */
function markdownStageHeading(text: string): boolean {
  for (const match of text.matchAll(/^#{1,6}[ \t]+(\S[^\n]*)$/gm)) {
    if (matchHeading(match[1]!.replace(/[ \t]+#+[ \t]*$/, '')).length > 0) return true;
  }
  return false;
}
