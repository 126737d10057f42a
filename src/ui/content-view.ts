import type { Prompt, Rubric } from '../content/schema.js';
import { STAGES } from '../stages.js';
import { stripControl } from '../text/sanitize.js';
import { plural } from '../text/plural.js';
import type { Style } from './style.js';
import { headerLines } from './heading.js';
import { fitWidth, padEnd, visibleLength, wrap } from './wrap.js';

/**
 * The views of `prompts list|show` and `rubrics list|show`: data in, terminal lines out (no newline at
 * their ends). Text comes from content files that were sanitised when read; file paths are sanitised here.
 * `width` is the terminal's width in columns; no line is wider.
 */

/** One row of `prompts list`. `origin` is "built-in", "user", "dir", "pack", or "user, overrides built-in". */
export interface PromptRow {
  id: string;
  title: string;
  difficulty: string;
  tags: readonly string[];
  origin: string;
}

/**
 * `prompts list`: a row per prompt, then a count. When `width` allows, one line per prompt (id, title,
 * difficulty, then tags and origin dim); else two: id and title, then difficulty, tags and origin under the title.
 */
export function renderPromptList(rows: readonly PromptRow[], tag: string | undefined, style: Style, width: number): string[] {
  if (rows.length === 0) return [tag ? `No prompt has the tag "${tag}".` : 'No prompts found.'];
  const idWidth = Math.max(...rows.map((r) => r.id.length)) + 2;
  const titleWidth = Math.max(...rows.map((r) => r.title.length)) + 2;
  const rest = (r: PromptRow) => `${r.tags.join(', ')}  (${r.origin})`;
  const oneLine = idWidth + titleWidth + 8 + Math.max(...rows.map((r) => rest(r).length)) <= width;
  const out: string[] = [];
  for (const r of rows) {
    if (oneLine) out.push(`${style.bold(padEnd(r.id, idWidth))}${padEnd(r.title, titleWidth)}${padEnd(r.difficulty, 8)}${style.dim(rest(r))}`);
    else out.push(`${style.bold(padEnd(r.id, idWidth))}${r.title}`, ...withOrigin(`${r.difficulty} · ${r.tags.join(', ')}`, r.origin, width, detailColumn(idWidth, width)).map(style.dim));
  }
  out.push('', ...wrap(`${plural(rows.length, 'prompt')}. Score an answer: mlsd score answer.md --prompt <id>`, width).map(style.dim));
  return fitWidth(out, width);
}

/** Where a prompt or rubric came from, and its file, for the `show` views. */
export interface ContentSource {
  origin: string;
  file: string;
}

/** `prompts show`: title, the opening line, tags, rubrics, file, clarification topics; with `full`, the answers and the outline. */
export function renderPromptDetail(prompt: Prompt, source: ContentSource, full: boolean, style: Style, width: number): string[] {
  const w = Math.min(width, 100);
  const out: string[] = [...headerLines(prompt.title, `${prompt.id}  ·  ${prompt.difficulty}  ·  ${source.origin}`, w, style), ''];
  out.push(...wrap(`“${prompt.prompt}”`, w, '  '));
  out.push('', ...field('tags', prompt.tags.join(', ') || '-', w, style));
  out.push(...field('rubrics', ['framework', ...prompt.rubrics.filter((r) => r !== 'framework')].join(', '), w, style));
  if (prompt.notApplicable.length > 0) out.push(...field('skips', `${prompt.notApplicable.join(', ')} ${style.dim('(not applicable to this prompt)')}`, w, style));
  out.push(...field('file', stripControl(source.file), w, style));
  out.push('', style.bold('Clarifications the interviewer can answer'));
  for (const c of prompt.clarifications) {
    if (full) out.push(...wrap(`${c.topic}: ${c.answer}`, w, '    ', '  • '));
    else out.push(`  • ${c.topic}`);
  }
  if (full) {
    out.push('', style.bold('Reference outline'));
    for (const stage of STAGES) {
      out.push(`  ${style.bold(stage.title)}`);
      for (const point of prompt.outline[stage.id]) out.push(...wrap(point, w, '      ', '    - '));
    }
  } else {
    out.push('', ...wrap("Add --full for the interviewer's answers and the reference outline (spoilers).", w).map(style.dim));
  }
  return fitWidth(out, width);
}

/** One row of `rubrics list`: `usedBy` is "every prompt", "no prompt" or the prompt ids. */
export interface RubricRow {
  id: string;
  items: number;
  redFlags: number;
  usedBy: string;
  origin: string;
  /** The rubric's file has errors, so every prompt that names it is skipped (catalog.ts). */
  errors?: boolean;
}

/** `rubrics list`: a row per rubric with its counts, then what uses it and its origin, dim (under the counts when `width` is short). */
export function renderRubricList(rows: readonly RubricRow[], style: Style, width: number): string[] {
  const idWidth = Math.max(10, ...rows.map((r) => r.id.length)) + 2;
  const counts = (r: RubricRow) => `${plural(r.items, 'item')}, ${plural(r.redFlags, 'red flag')}`;
  // A rubric with errors is listed (its author is looking for it) but says that no prompt can use it.
  const use = (r: RubricRow) => (r.errors ? 'has errors, so unused (mlsd rubrics validate)' : `used by ${r.usedBy}`);
  const tone = (r: RubricRow) => (r.errors ? style.yellow : style.dim);
  const rest = (r: RubricRow) => `${use(r)}  (${r.origin})`;
  const oneLine = rows.every((r) => idWidth + 26 + rest(r).length <= width);
  const out: string[] = [];
  for (const r of rows) {
    if (oneLine) out.push(`${style.bold(padEnd(r.id, idWidth))}${padEnd(counts(r), 26)}${tone(r)(rest(r))}`);
    else out.push(`${style.bold(padEnd(r.id, idWidth))}${counts(r)}`, ...withOrigin(use(r), r.origin, width, detailColumn(idWidth, width)).map(tone(r)));
  }
  return fitWidth(out, width);
}

/** `rubrics show`: items by stage with id, weight and tier, then red flags; with `full`, phrases and follow-ups. */
export function renderRubricDetail(rubric: Rubric, source: ContentSource, full: boolean, style: Style, width: number): string[] {
  const w = Math.min(width, 100);
  const out: string[] = [...headerLines(rubric.title, `${rubric.id}  ·  ${source.origin}  ·  ${stripControl(source.file)}`, w, style)];
  if (rubric.description) out.push(...wrap(rubric.description, w, '  '));
  // The label column is as wide as the longest label allows while the details still fit; a label too long
  // for it puts its details on the next line, in their column, rather than running into them.
  const itemMeta = (i: Rubric['items'][number]) => `${i.id} · weight ${i.weight} · ${i.level}`;
  const flagMeta = (f: Rubric['redFlags'][number]) => `${f.id} · ${f.severity}`;
  const columnFor = (labels: string[], metas: string[], most: number) =>
    Math.max(12, Math.min(most, Math.max(...labels.map((l) => l.length)) + 2, w - 2 - Math.max(...metas.map((m) => m.length))));
  // Narrow (the details would not fit in their column), the details go under the label, four columns in.
  const column = (label: string, meta: string, columnWidth: number): string[] =>
    label.length + 2 <= columnWidth && 2 + columnWidth + meta.length <= w
      ? [`  ${padEnd(label, columnWidth)}${style.dim(meta)}`]
      : [`  ${label}`, ...wrap(meta, w, 2 + columnWidth + meta.length <= w ? ' '.repeat(2 + columnWidth) : '    ').map(style.dim)];
  const labelWidth = columnFor(rubric.items.map((i) => i.label), rubric.items.map(itemMeta), 52);
  for (const stage of STAGES) {
    const items = rubric.items.filter((i) => i.stage === stage.id);
    if (items.length === 0) continue;
    out.push('', style.bold(stage.title));
    for (const item of items) {
      out.push(...column(item.label, itemMeta(item), labelWidth));
      if (full) {
        out.push(...wrap(`phrases: ${item.phrases.join(', ')}`, w, '      ').map(style.dim));
        out.push(...wrap(`follow-up: ${item.followUp}`, w, '      '));
      }
    }
  }
  if (rubric.redFlags.length > 0) {
    out.push('', style.bold('Red flags'));
    const flagWidth = columnFor(rubric.redFlags.map((f) => f.label), rubric.redFlags.map(flagMeta), 56);
    for (const flag of rubric.redFlags) out.push(...column(flag.label, flagMeta(flag), flagWidth));
  }
  if (!full) out.push('', style.dim('Add --full for phrases and follow-up questions.'));
  return fitWidth(out, width);
}

/** Narrowest column left for a list row's second line beside the ids; narrower, it starts four columns in. */
const MIN_DETAIL = 24;

/**
 * The column a list row's second line (tags, what uses a rubric) starts at: under the title, after the ids
 * (`idWidth`), when that leaves MIN_DETAIL of `width` columns; else four columns in, so a narrow terminal
 * wraps it at words rather than one character a line (tryout 5).
 */
function detailColumn(idWidth: number, width: number): number {
  return width - idWidth >= MIN_DETAIL ? idWidth : 4;
}

/** `text` wrapped under column `column`, then "(origin)" kept whole: on the last line when it fits, else on its own. */
function withOrigin(text: string, origin: string, width: number, column: number): string[] {
  const lines = wrap(text, width, ' '.repeat(column));
  const tail = `(${origin})`;
  const last = lines.at(-1);
  if (last !== undefined && visibleLength(last) + 2 + tail.length <= width) lines[lines.length - 1] = `${last}  ${tail}`;
  else lines.push(`${' '.repeat(column)}${tail}`);
  return lines;
}

/** A "name      value" line of a detail view (value from column 10), the value wrapped under itself. */
function field(name: string, value: string, width: number, style: Style): string[] {
  const [first = '', ...more] = hanging(value, width, 10);
  return [`${style.bold(name)}${' '.repeat(Math.max(1, 10 - name.length))}${first}`, ...more];
}

/**
 * Text that starts at column `column` of a line whose start is already written: wrapped to `width`,
 * the first line without its indent (it follows what is written), the others indented to the column.
 */
function hanging(text: string, width: number, column: number): string[] {
  const indent = ' '.repeat(column);
  return wrap(text, width, indent).map((line, i) => (i === 0 ? line.slice(column) : line));
}
