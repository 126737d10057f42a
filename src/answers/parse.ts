import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { ContentIssue } from '../content/parse.js';
import { compilePhrase, MatchIndex } from '../scoring/phrase.js';
import { tokenize } from '../scoring/analyze.js';
import type { AnswerSet } from '../scoring/score.js';
import { closest } from '../text/closest.js';
import { isStageId, STAGE_IDS, STAGES, type StageId } from '../stages.js';

/**
 * Reads an answers file for `mlsd score`: YAML keyed by stage id, Markdown with a heading per stage
 * (matched by id, title or a common name), or plain text scored as a whole. Pure.
 */

/** The YAML library takes about as long to load as scoring takes: only YAML answers load it. */
const loadYaml = (): typeof Yaml => createRequire(import.meta.url)('yaml') as typeof Yaml;

export type AnswersFormat = 'yaml' | 'markdown' | 'text';

export interface SectionMapping {
  heading: string;
  line: number;
  /** The stages the heading was matched to; empty when it matched none. */
  stages: StageId[];
}

export interface ParsedAnswers {
  format: AnswersFormat;
  answers: AnswerSet;
  mapping: SectionMapping[];
  issues: ContentIssue[];
}

export function parseAnswers(text: string, file: string): ParsedAnswers {
  if (/\.ya?ml$/i.test(file)) return parseYamlAnswers(text, file);
  return parseMarkdownAnswers(text);
}

function parseYamlAnswers(text: string, file: string): ParsedAnswers {
  const { isMap, isScalar, isSeq, LineCounter, parseDocument } = loadYaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const empty = (issues: ContentIssue[]): ParsedAnswers => ({ format: 'yaml', answers: { sections: {} }, mapping: [], issues });
  const at = (offset: number | undefined) => lineCounter.linePos(offset ?? 0);
  const issue = (offset: number | undefined, path: string, message: string): ContentIssue => ({
    file, ...at(offset), path, message, severity: 'error',
  });
  if (doc.errors.length > 0) {
    return empty(doc.errors.map((e) => ({ file, line: e.linePos?.[0].line ?? 1, col: e.linePos?.[0].col ?? 1, path: '', message: `YAML syntax: ${e.message.split('\n')[0]}`, severity: 'error' as const })));
  }
  if (!isMap(doc.contents)) {
    return empty([issue(doc.contents?.range?.[0], '', `expected a mapping of stage ids to answers (${STAGE_IDS.join(', ')})`)]);
  }
  const sections: Partial<Record<StageId, string>> = {};
  const mapping: SectionMapping[] = [];
  const issues: ContentIssue[] = [];
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const keyOffset = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
    const stages = isStageId(key) ? [key] : matchHeading(key);
    if (stages.length !== 1) {
      const near = closest(key, STAGE_IDS);
      issues.push(issue(keyOffset, key, `unknown stage "${key}": expected one of ${STAGE_IDS.join(', ')}${near ? ` (did you mean "${near}"?)` : ''}`));
      continue;
    }
    const value = pair.value;
    let answer: string | null = null;
    if (isScalar(value) && (typeof value.value === 'string' || typeof value.value === 'number')) answer = String(value.value);
    else if (isSeq(value) && value.items.every((v) => isScalar(v))) answer = value.items.map((v) => `- ${String((v as { value: unknown }).value)}`).join('\n');
    else if (value === null || (isScalar(value) && value.value === null)) answer = '';
    if (answer === null) {
      issues.push(issue(isScalar(pair.key) ? pair.key.range?.[0] : undefined, key, 'expected the answer as text (use a block scalar: "key: |" then indented lines)'));
      continue;
    }
    const stage = stages[0]!;
    sections[stage] = sections[stage] ? `${sections[stage]}\n\n${answer}` : answer;
    mapping.push({ heading: key, line: at(keyOffset).line, stages });
  }
  return { format: 'yaml', answers: { sections }, mapping, issues };
}

interface Heading {
  level: number;
  title: string;
  line: number;
}

const ATX = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
// Pseudo-headings nest below every Markdown heading level.
const PSEUDO_LEVEL = 7;

function parseMarkdownAnswers(text: string): ParsedAnswers {
  const lines = text.split(/\r\n|\r|\n/);
  const sections: Partial<Record<StageId, string[]>> = {};
  const general: string[] = [];
  const mapping: SectionMapping[] = [];
  // The stack of open headings, each with the stages its text goes to.
  const stack: Array<Heading & { stages: StageId[] }> = [];
  let current: StageId[] = [];
  let inFence = false;
  lines.forEach((line, index) => {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const heading = inFence ? null : headingOf(line, index + 1);
    if (heading) {
      while (stack.length > 0 && stack[stack.length - 1]!.level >= heading.level) stack.pop();
      const own = matchHeading(heading.title);
      const inherited = stack.length > 0 ? stack[stack.length - 1]!.stages : [];
      const stages = own.length > 0 ? own : inherited;
      stack.push({ ...heading, stages });
      current = stages;
      mapping.push({ heading: heading.title, line: heading.line, stages: own.length > 0 ? own : inherited });
      return;
    }
    if (current.length === 0) general.push(line);
    else for (const stage of current) (sections[stage] ??= []).push(line);
  });
  const joined: Partial<Record<StageId, string>> = {};
  for (const [stage, body] of Object.entries(sections) as Array<[StageId, string[]]>) joined[stage] = body.join('\n');
  const anyStage = Object.keys(joined).length > 0;
  return {
    format: anyStage || mapping.length > 0 ? 'markdown' : 'text',
    answers: { sections: joined, general: general.join('\n') },
    mapping,
    issues: [],
  };
}

function headingOf(line: string, lineNo: number): Heading | null {
  const atx = ATX.exec(line);
  if (atx) return { level: atx[1]!.length, title: cleanTitle(atx[2]!), line: lineNo };
  // A bold line or a short "Name:" line that names a stage acts as a heading: "**Metrics**", "Serving:".
  const trimmed = line.trim();
  const bold = /^(\*\*|__)(.+?):?\1:?$/.exec(trimmed);
  const colon = /^([\p{L}\p{N}][^:*_]{0,60}):$/u.exec(trimmed);
  const raw = bold?.[2] ?? colon?.[1];
  if (!raw) return null;
  const title = cleanTitle(raw);
  if (title.split(/\s+/).length > 6 || matchHeading(title).length === 0) return null;
  return { level: PSEUDO_LEVEL, title, line: lineNo };
}

function cleanTitle(title: string): string {
  return title
    .replace(/(\*\*|__|`)/g, '')
    .replace(/^\s*(?:(?:step|stage|part|section)\s*)?\d{1,2}\s*[.):-]?\s*/i, '')
    .replace(/[:.]\s*$/, '')
    .trim();
}

const ALIASES = STAGES.flatMap((stage) =>
  [stage.id, stage.title, ...stage.aliases].map((alias) => ({ stage: stage.id, phrase: compilePhrase(alias) })),
);

/**
 * The stages a heading names. The longest alias wins ("Training data" is data, not model), and a
 * heading naming two stages ("Serving and monitoring") goes to both.
 */
export function matchHeading(title: string): StageId[] {
  const tokens = tokenize(title);
  if (tokens.length === 0) return [];
  const index = new MatchIndex(tokens);
  const hits: Array<{ stage: StageId; start: number; end: number; size: number }> = [];
  for (const alias of ALIASES) {
    for (const [start, end] of index.find(alias.phrase)) hits.push({ stage: alias.stage, start, end, size: alias.phrase.tokens.length });
  }
  hits.sort((a, b) => b.size - a.size || a.start - b.start);
  const taken = new Array<boolean>(tokens.length).fill(false);
  const stages: StageId[] = [];
  for (const hit of hits) {
    let free = true;
    for (let i = hit.start; i < hit.end; i++) if (taken[i]) free = false;
    if (!free) continue;
    for (let i = hit.start; i < hit.end; i++) taken[i] = true;
    if (!stages.includes(hit.stage)) stages.push(hit.stage);
  }
  return STAGE_IDS.filter((id) => stages.includes(id));
}
