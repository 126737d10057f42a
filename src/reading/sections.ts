import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { ContentIssue } from '../content/parse.js';
import { yamlSyntaxIssues } from '../content/issue.js';
import { errorStarts } from '../content/yaml-error-start.js';
import { compilePhrase, MatchIndex, type CompiledPhrase } from '../scoring/phrase.js';
import { PhraseFilter } from '../scoring/phrase-filter.js';
import type { AnswerSet } from '../scoring/score.js';
import { closest } from '../text/closest.js';
import { isStageId, STAGE_IDS, STAGES, type StageId } from '../stages.js';
import { MAX_READ_CHARS } from './claims.js';
import { readBlocks, type Block } from './markdown.js';
import { tokenize } from './tokens.js';

/**
 * Reads an answers file for `mlsd score` into the text of each stage: YAML keyed by stage id,
 * Markdown whose headings (or "1. Requirements", "**Serving**", "Metrics:" lines) name stages, or
 * plain text scored as a whole. Sub-headings stay in their stage's text: they are claims with
 * meaning ("### Frequency capping"). Pure.
 */

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
  /** Errors make the file unreadable; warnings (text left unscored) are notices. */
  issues: ContentIssue[];
}

/** Reads an answers file; YAML by extension, Markdown or plain text otherwise. */
export function parseAnswers(text: string, file: string): ParsedAnswers {
  const issues: ContentIssue[] = [];
  let source = text;
  if (text.length > MAX_READ_CHARS) {
    source = text.slice(0, MAX_READ_CHARS);
    const line = source.split('\n').length;
    issues.push({
      file, line, col: 1, path: '', severity: 'warning',
      message: `only the first ${MAX_READ_CHARS.toLocaleString('en-US')} characters (to line ${line}) are scored; the rest of the ${text.length.toLocaleString('en-US')} is left out`,
    });
  }
  const parsed = /\.ya?ml$/i.test(file) ? parseYamlAnswers(source, file) : parseMarkdownAnswers(source);
  return { ...parsed, issues: [...parsed.issues, ...issues] };
}

/** The YAML library takes about as long to load as scoring takes: only YAML answers load it. */
const loadYaml = (): typeof Yaml => createRequire(import.meta.url)('yaml') as typeof Yaml;

function parseYamlAnswers(text: string, file: string): ParsedAnswers {
  const yaml = loadYaml();
  const { isMap, isScalar, isSeq, LineCounter, parseDocument } = yaml;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const empty = (issues: ContentIssue[]): ParsedAnswers => ({ format: 'yaml', answers: { sections: {} }, mapping: [], issues });
  const at = (offset: number | undefined) => lineCounter.linePos(offset ?? 0);
  const issue = (offset: number | undefined, path: string, message: string): ContentIssue => ({
    file, ...at(offset), path, message, severity: 'error',
  });
  if (doc.errors.length > 0) {
    return empty(yamlSyntaxIssues(file, errorStarts(doc, doc.errors, lineCounter, yaml), (message) => `YAML syntax: ${message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`));
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

/** A heading of the answer: a Markdown heading, or a line that acts as one. */
interface Heading {
  title: string;
  line: number;
  /** 1-6 for Markdown headings; PSEUDO_LEVEL for lines acting as headings. */
  level: number;
  own: StageId[];
  /** The heading is only a stage's name: structure, not a claim. */
  nameOnly: boolean;
  pseudo: boolean;
  /** A document title: its stage holds for the text right under it, not for its sub-sections. */
  isTitle?: boolean;
  /** A lead-in that opens its line ("**Framing.** We ...", "Framing: we ..."): left out of the text, as a stage heading's line is. */
  leadIn?: string;
}

const PSEUDO_LEVEL = 7;

function parseMarkdownAnswers(text: string): ParsedAnswers {
  const lines = text.split(/\r\n|\r|\n/);
  const blocks = readBlocks(text);
  const headings = findHeadings(blocks, lines);
  markTitles(headings);
  const tables = stageTables(blocks, lines);
  const sections: Partial<Record<StageId, string[]>> = {};
  const general: string[] = [];
  const mapping: SectionMapping[] = [];
  const stack: Array<{ level: number; stages: StageId[] }> = [];
  let current: StageId[] = [];
  let next = 0;
  let skipTo = 0;
  const push = (stages: StageId[], text: string) => {
    if (stages.length === 0) general.push(text);
    else for (const stage of stages) (sections[stage] ??= []).push(text);
  };
  lines.forEach((line, index) => {
    const lineNo = index + 1;
    if (lineNo <= skipTo) return;
    const table = tables.get(lineNo);
    if (table) {
      // A per-stage table: each stage's rows (or column) go to that stage as a table of their own.
      for (const part of table.parts) {
        const stages = part.stages.length > 0 ? part.stages : current;
        for (const text of ['', ...part.lines, '']) push(stages, text);
      }
      mapping.push(...table.mapping);
      skipTo = table.end;
      return;
    }
    let structural = false;
    while (next < headings.length && headings[next]!.line === lineNo) {
      const h = headings[next++]!;
      while (stack.length > 0 && stack[stack.length - 1]!.level >= h.level) stack.pop();
      const inherited = stack.length > 0 ? stack[stack.length - 1]!.stages : [];
      // A title naming the system ("# News feed ranking", "# Fraud detection") gives no stage, even
      // when a word of it names one ("ranking"); a title made of stage names only keeps its stage for
      // the text right under it ("# Problem statement and assumptions").
      const own = h.isTitle && !h.nameOnly ? [] : h.own;
      const stages = own.length > 0 ? own : inherited;
      stack.push({ level: h.level, stages: h.isTitle ? inherited : stages });
      current = stages;
      mapping.push({ heading: h.title, line: h.line, stages });
      // A Markdown heading that only names a stage is structure; other headings are claims of the text.
      // Within its own stage ("## Requirements" then "### Goal") it is a claim again.
      const sameStage = inherited.length > 0 && own.every((st) => inherited.includes(st));
      if (!h.pseudo && own.length > 0 && h.nameOnly && !sameStage && !isTopicHeading(h.title)) structural = true;
    }
    if (structural) return;
    const lead = headings[next - 1]?.line === lineNo ? headings[next - 1]?.leadIn : undefined;
    push(current, lead !== undefined && line.startsWith(lead) ? line.slice(lead.length) : line);
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

/** A table whose rows or columns name stages, read as one table per stage (see `stageTables`). */
interface StageTable {
  /** The last line of the table. */
  end: number;
  /** Each stage's part as Markdown lines; a part with no stage stays where the table stands. */
  parts: Array<{ stages: StageId[]; lines: string[] }>;
  /** The rows (or column headers) that named stages, for the report's "sections:" line. */
  mapping: SectionMapping[];
}

/** A column header that says its cells name stages ("Stage", "Phase", "Step"). */
const STAGE_COLUMN = /^(?:stages?|phases?|steps?|areas?|sections?|parts?|topics?|components?|pieces?)$/i;

/** At most this many words in a cell that names a stage: a name, not a sentence. */
const STAGE_CELL_WORDS = 5;

/**
 * Tables laid out by stage, by the line of their header row: a table whose first column (or a column
 * headed "Stage") names a stage in each row ("| Stage | Decision | Why |" then "| Clarify | ... |",
 * "| Problem framing | ... |"), or whose header names a stage in each column after the first
 * ("| | Clarify | Frame | Data |"). Such a table maps each row (or column) to its stage, as headings do:
 * the part of a stage is its header and rows (or the first column and its own), as a table of its own.
 * A row whose stage cell is empty continues the row above; one that names no stage stays where the table
 * stands. A table whose first column names things, not stages ("| GBDT | fast | ... |", "| Two-tower
 * model | ... |"), is read as before: in a column without a stage header every named cell must be only a
 * stage's name, two stages at least, and two thirds of the filled cells. Tables in block quotes are left as
 * they are.
 */
function stageTables(blocks: Block[], lines: string[]): Map<number, StageTable> {
  const out = new Map<number, StageTable>();
  for (let i = 0; i < blocks.length; i++) {
    const header = blocks[i]!;
    if (header.kind !== 'header') continue;
    const rows: Block[] = [];
    for (let j = i + 1; j < blocks.length && blocks[j]!.kind === 'row' && blocks[j]!.line > header.line; j++) rows.push(blocks[j]!);
    if (rows.length === 0) continue;
    const source = [header.line, header.line + 1, ...rows.map((r) => r.line)].map((n) => lines[n - 1] ?? '');
    if (source.some((l) => /^\s*>/.test(l))) continue;
    const table = byRows(header, rows, lines) ?? byColumns(header, rows, lines);
    if (table) out.set(header.line, table);
  }
  return out;
}

/** The stages a table cell names, when it is short enough to be a name; whether it is only a stage's name. */
function readCell(cell: string | undefined): { stages: StageId[]; nameOnly: boolean } {
  const title = cleanTitle(cell ?? '');
  if (!title || title.split(/\s+/).length > STAGE_CELL_WORDS) return { stages: [], nameOnly: false };
  return readHeading(title);
}

/** Whether the cells read name stages as a stage column or header does (see `stageTables`). */
function namesStages(reads: Array<{ stages: StageId[]; nameOnly: boolean } | null>, headed: boolean): boolean {
  const filled = reads.filter((r): r is { stages: StageId[]; nameOnly: boolean } => r !== null);
  const named = filled.filter((r) => r.stages.length > 0);
  const distinct = new Set(named.flatMap((r) => r.stages));
  if (headed) return named.length >= 2 && distinct.size >= 2;
  return distinct.size >= 2 && named.every((r) => r.nameOnly) && named.length * 3 >= filled.length * 2;
}

/** A table with a stage in each row (see `stageTables`); null when it is not one. */
function byRows(header: Block, rows: Block[], lines: string[]): StageTable | null {
  const cells = header.cells ?? [];
  const headed = cells.findIndex((c) => STAGE_COLUMN.test(cleanTitle(c)));
  const column = headed >= 0 ? headed : 0;
  const reads = rows.map((r) => (r.cells?.[column] ? readCell(r.cells[column]) : null));
  if (!namesStages(reads, headed >= 0)) return null;
  const head = [lines[header.line - 1]!.trim(), lines[header.line]!.trim()];
  const parts: StageTable['parts'] = [];
  const mapping: SectionMapping[] = [];
  let last: StageId[] = [];
  rows.forEach((row, k) => {
    const read = reads[k] ?? null;
    const stages = read === null ? last : read.stages;
    last = stages;
    if (read !== null && stages.length > 0) mapping.push({ heading: cleanTitle(row.cells![column]!), line: row.line, stages });
    const part = parts.find((p) => p.stages.join() === stages.join()) ?? parts[parts.push({ stages, lines: [...head] }) - 1]!;
    part.lines.push(lines[row.line - 1]!.trim());
  });
  return { end: rows[rows.length - 1]!.line, parts, mapping };
}

/** A table with a stage in each column after the first (see `stageTables`); null when it is not one. */
function byColumns(header: Block, rows: Block[], lines: string[]): StageTable | null {
  const cells = header.cells ?? [];
  if (cells.length < 3) return null;
  const reads = cells.slice(1).map((c) => (c ? readCell(c) : null));
  if (!namesStages(reads, STAGE_COLUMN.test(cleanTitle(cells[0] ?? '')))) return null;
  const source = [header.line, ...rows.map((r) => r.line)].map((n) => splitRow(lines[n - 1] ?? ''));
  // The source must split into the cells markdown-it read, or the columns cannot be told apart.
  if (source.some((row) => row.length !== cells.length)) return null;
  const parts: StageTable['parts'] = [];
  const mapping: SectionMapping[] = [];
  const rest: number[] = [];
  reads.forEach((read, k) => {
    const column = k + 1;
    if (!read || read.stages.length === 0) {
      rest.push(column);
      return;
    }
    mapping.push({ heading: cleanTitle(cells[column]!), line: header.line, stages: read.stages });
    parts.push({ stages: read.stages, lines: tableOf(source, [0, column]) });
  });
  if (rest.length > 0) parts.push({ stages: [], lines: tableOf(source, [0, ...rest]) });
  return { end: rows[rows.length - 1]!.line, parts, mapping };
}

/** Rows of cells written again as a Markdown table of the columns given, the first row its header. */
function tableOf(source: string[][], columns: number[]): string[] {
  const row = (cells: string[]) => `| ${columns.map((c) => cells[c] ?? '').join(' | ')} |`;
  return [row(source[0]!), `|${columns.map(() => '---').join('|')}|`, ...source.slice(1).map(row)];
}

/** A table row's cells as written, split at pipes a backslash does not escape. */
function splitRow(line: string): string[] {
  const body = line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return body.split(/(?<!\\)\|/).map((c) => c.trim());
}

/** Markdown headings, and short lines that name a stage on their own ("1. Requirements", "Metrics:", "**Serving**"). */
function findHeadings(blocks: Block[], lines: string[]): Heading[] {
  const out: Heading[] = [];
  // Whether a block stands under a Markdown heading other than the document's title (its one level-1
  // heading, first): lead-ins start stages only in answers that have no sections of their own.
  const first = blocks[0];
  const title = first?.kind === 'heading' && first.level === 1 && blocks.filter((b) => b.kind === 'heading' && b.level === 1).length === 1 ? first.text : null;
  for (const block of blocks) {
    const underHeading = block.headings.length > (title !== null && block.headings[0] === title ? 1 : 0);
    if (block.kind === 'heading') {
      const title = cleanTitle(block.text);
      const read = readHeading(title);
      out.push({ title, line: block.line, level: block.level, own: read.stages, nameOnly: read.nameOnly, pseudo: false });
      continue;
    }
    if (block.kind !== 'paragraph' && block.kind !== 'item') continue;
    // The first line of a paragraph or item may stand alone as a heading ("Serving:" then text).
    const textLines = block.text.split('\n');
    const first = textLines[0]!.trim();
    const source = lines[block.line - 1] ?? '';
    const numbered = block.kind === 'item' && /^\s*\d{1,2}[.)]\s/.test(source);
    const label = pseudoHeading(first, source, numbered, textLines.length > 1, block.line) ?? leadInHeading(block, source, underHeading);
    if (label) out.push(label);
    // In notes without blank lines, a later line that is only a label ("Model:") starts a section
    // too, as it would after a blank line. Only a label line counts here, not a sentence after one.
    for (let k = 1; k < textLines.length; k++) {
      const text = textLines[k]!.trim();
      const line = block.line + k;
      // Notes written one stage per line ("Clarify: …" then "Model: …", no blank line): each line's
      // lead-in starts its stage, as it would opening a paragraph of its own.
      const lead = leadInHeading(block, lines[line - 1] ?? '', underHeading, line);
      if (lead) {
        out.push(lead);
        continue;
      }
      const raw = (lines[line - 1] ?? '').trim();
      // The soft break keeps source lines one to one; a line that does not read the same is left alone.
      if (!/:$/.test(text) || !raw.endsWith(':') || !raw.includes(text.replace(/:$/, ''))) continue;
      const later = pseudoHeading(text, raw, false, false, line);
      if (later) out.push(later);
    }
  }
  return out.sort((a, b) => a.line - b.line);
}

/**
 * A line acting as a heading: short, numbered (an item "1. Requirements"), bold on its own
 * ("**Serving**") or ending in a colon ("Metrics:"), and naming a stage. Null otherwise.
 * `first` is the block's text line, `source` the raw line; `more` says the block has more lines.
 */
function pseudoHeading(first: string, source: string, numbered: boolean, more: boolean, line: number): Heading | null {
  if (first.length > 60) return null;
  const bold = source.length <= 80 && /^\s*(?:[-*+]\s+|\d{1,2}[.)]\s+)?(\*\*|__)[^*_]+\1:?\s*$/.test(source);
  const colon = /:$/.test(first);
  if (!numbered && !bold && !colon) return null;
  if (numbered && !colon && !bold && more) return null;
  const title = cleanTitle(first);
  if (title.split(/\s+/).length > 6) return null;
  const read = readHeading(title);
  if (read.stages.length === 0) return null;
  return { title, line, level: PSEUDO_LEVEL, own: read.stages, nameOnly: read.nameOnly, pseudo: true };
}

/** "**Framing.** text", "__Data:__ text", "Framing: text": a short lead-in naming a stage, then the paragraph's text on its line. */
const LEAD_IN = /^(\s*(?:(\*\*|__)([^*_\n]{1,40}?)[.:]?\2[.:]?|([A-Za-z][A-Za-z /&-]{0,40}?):)[ \t]+)\S/;

/**
 * A paragraph that opens with a lead-in naming only stages ("**Framing.** We frame it as ...",
 * "Framing: we frame it as ...") starts that stage's section, as "## Framing" does, when no Markdown
 * heading but the document's title stands above it (in an answer with headings, a lead-in is a label
 * within its section). The lead-in is left out of the text, as a stage heading's line is, so the three
 * forms read alike. `source` is the raw line at `line` (the paragraph's first line, or a later line of
 * notes written one stage per line). Null otherwise.
 */
function leadInHeading(block: Block, source: string, underHeading: boolean, line = block.line): Heading | null {
  if (underHeading || block.kind !== 'paragraph' || block.parents) return null;
  const m = LEAD_IN.exec(source);
  if (!m) return null;
  const title = cleanTitle(m[3] ?? m[4] ?? '');
  if (!title || title.split(/\s+/).length > 4) return null;
  const read = readHeading(title);
  if (read.stages.length === 0 || !read.nameOnly) return null;
  // A topic's name keeps its words in the text ("Labels: the actual delivery duration"), as it does
  // under a stage heading: it says what the line is about (see TOPIC_HEADINGS).
  return { title, line, level: PSEUDO_LEVEL, own: read.stages, nameOnly: true, pseudo: true, ...(isTopicHeading(title) ? {} : { leadIn: m[1]! }) };
}

/**
 * Stage aliases that name a topic within the stage, an item of the framework, rather than the stage
 * itself: "Labels", "Drift", "Online metrics". A heading or lead-in of one starts its stage, as any alias
 * does, but its words stay in the text, as a sub-heading's do under a stage heading ("## Data" then
 * "### Labels"), so "Labels: the actual delivery duration" in notes reads as it does under "## Data".
 */
const TOPIC_HEADINGS = new Set([
  'label', 'labels', 'labeling', 'labelling',
  'feature', 'features',
  'metrics', 'offline metrics', 'online metrics', 'success metrics',
  'drift', 'retraining', 'retrain', 'feedback loop', 'alerting', 'alerts',
]);

/** Whether a heading's title (cleaned) names a topic within its stage (TOPIC_HEADINGS). */
function isTopicHeading(title: string): boolean {
  return TOPIC_HEADINGS.has(title.toLowerCase().replace(/\s+/g, ' ').trim());
}

/**
 * A document title that happens to contain a stage word ("# Model design for ad clicks") does not
 * claim every section beneath it: a heading whose sub-headings name two or more other stages is a
 * title: its stage holds for the text right under it only.
 */
function markTitles(headings: Heading[]): void {
  // Only the document's single top heading can be its title.
  const real = headings.filter((h) => !h.pseudo);
  const top = Math.min(...real.map((h) => h.level));
  if (real.filter((h) => h.level === top).length !== 1) return;
  headings.forEach((h, i) => {
    if (h.own.length === 0 || h.pseudo || h.level !== top) return;
    const below = new Set<StageId>();
    for (let j = i + 1; j < headings.length && headings[j]!.level > h.level; j++) {
      for (const s of headings[j]!.own) if (!h.own.includes(s)) below.add(s);
    }
    if (below.size >= 2) h.isTitle = true;
  });
}

function cleanTitle(title: string): string {
  return title
    .replace(/[*_`]+/g, '')
    .replace(/^\s*(?:(?:step|stage|part|section)\s*)?\d{1,2}\s*[.):-]?\s*/i, '')
    .replace(/[:.]\s*$/, '')
    .trim();
}

/** Stage names as compiled phrases, in the order they are tried, with a filter of those that can match in a heading. */
interface StageAliases {
  list: Array<{ stage: StageId; phrase: CompiledPhrase }>;
  /** Each alias's place in `list`, by its phrase. */
  order: Map<CompiledPhrase, number>;
  filter: PhraseFilter<CompiledPhrase>;
}

let aliases: StageAliases | null = null;

/** Stage names as compiled phrases, built on first use. */
function stageAliases(): StageAliases {
  if (aliases) return aliases;
  const list = STAGES.flatMap((stage) =>
    [stage.id, stage.title, ...stage.aliases, ...(EXTRA_ALIASES[stage.id] ?? [])].map((alias) => ({ stage: stage.id, phrase: compilePhrase(alias) })),
  );
  const order = new Map(list.map((alias, k) => [alias.phrase, k]));
  aliases = { list, order, filter: new PhraseFilter([list.map((a) => a.phrase)]) };
  return aliases;
}

/** The stage aliases' phrases, in the order a heading is matched against them, with the filter readHeading uses (for tests). */
export function stageAliasPhrases(): { phrases: CompiledPhrase[]; filter: PhraseFilter<CompiledPhrase> } {
  const { list, filter } = stageAliases();
  return { phrases: list.map((a) => a.phrase), filter };
}

/**
 * The aliases that can match in a heading's words, in the order of the list (a heading holds a few
 * words, and all but a few of some 110 aliases start nowhere in it: PhraseFilter).
 */
function liveAliases(index: MatchIndex, { list, order, filter }: StageAliases): StageAliases['list'] {
  const live = index.livePhrasesOf(filter);
  if (live.size === 0) return [];
  const places: number[] = [];
  for (const phrase of live.phrases()) places.push(order.get(phrase)!);
  places.sort((a, b) => a - b);
  return places.map((k) => list[k]!);
}

/**
 * The stages a heading names. The longest alias wins ("Training data" is data, not model); in a
 * compound the head noun, which comes last, names the stage ("Model Evaluation" is evaluation);
 * a heading joining two stages ("Serving and monitoring", "Serving/monitoring") goes to both.
 */
export function matchHeading(title: string): StageId[] {
  return readHeading(title).stages;
}

const CONNECTORS = new Set(['and', 'or', 'the', 'of', 'a', 'an', 'for', 'to', 'plus', 'vs', 'versus', 'with', 'our', 'my']);

/**
 * The stages a heading names, and whether it is only a stage name ("Data and features"), as
 * opposed to a heading that says something more ("Click label window").
 */
function readHeading(title: string): { stages: StageId[]; nameOnly: boolean } {
  const tokens = tokenize(title);
  if (tokens.length === 0) return { stages: [], nameOnly: false };
  const known = stageAliases();
  const index = new MatchIndex(tokens, undefined, known.filter);
  const hits: Array<{ stage: StageId; start: number; end: number; size: number }> = [];
  for (const alias of liveAliases(index, known)) {
    for (const [start, end] of index.find(alias.phrase)) hits.push({ stage: alias.stage, start, end, size: end - start });
  }
  hits.sort((a, b) => b.size - a.size || a.start - b.start);
  const taken = new Array<boolean>(tokens.length).fill(false);
  const kept: typeof hits = [];
  for (const hit of hits) {
    let free = true;
    for (let i = hit.start; i < hit.end; i++) if (taken[i]) free = false;
    if (!free) continue;
    for (let i = hit.start; i < hit.end; i++) taken[i] = true;
    kept.push(hit);
  }
  kept.sort((a, b) => a.start - b.start);
  // Adjacent hits with nothing joining them form a compound: only the last one names the stage.
  const stages: StageId[] = [];
  kept.forEach((hit, k) => {
    const after = kept[k + 1];
    if (after && after.start === hit.end && tokens[after.start]!.sep === 'space') return;
    if (!stages.includes(hit.stage)) stages.push(hit.stage);
  });
  const nameOnly = tokens.every((t, i) => taken[i] || CONNECTORS.has(t.raw) || /^\p{N}+$/u.test(t.raw));
  return { stages: STAGE_IDS.filter((id) => stages.includes(id)), nameOnly };
}

/** Heading names common in write-ups, beyond the stage titles and aliases of src/stages.ts. */
const EXTRA_ALIASES: Partial<Record<StageId, readonly string[]>> = {
  clarify: ['requirements and goals', 'goals', 'business requirements', 'problem definition', 'background', 'context'],
  frame: ['input output', 'inputs outputs', 'input and output', 'model input output', 'task definition', 'framing the problem'],
  data: ['feature', 'signals', 'label', 'data sources', 'feature pipeline'],
  model: ['model architecture', 'model design', 'ranking model', 'modeling approach', 'candidate generation', 'ranking'],
  evaluation: ['metrics and evaluation', 'experiment', 'online experiment', 'offline and online evaluation', 'measurement'],
  serving: ['deploy', 'deploying', 'service', 'reference architecture', 'system architecture', 'high level architecture', 'serving infrastructure', 'production'],
  monitoring: ['maintenance and monitoring', 'alerting', 'alerts', 'feedback loop', 'continuous training', 'retrain'],
};
