import type { Catalog, Entry, Origin } from '../content/catalog.js';
import type { Prompt, Rubric } from '../content/schema.js';
import { EXIT } from '../errors.js';
import { STAGES } from '../stages.js';
import { stripControl } from '../text/sanitize.js';
import { padEnd, wrap } from '../ui/wrap.js';
import { loadAll, reportLoadProblems } from './load-content.js';
import { stdoutStyle, terminalWidth, type GlobalOptions, type Io } from './command-io.js';
import { findPrompt, findRubric } from './lookup.js';
import { plural } from '../ui/plural.js';

export interface ListOptions extends GlobalOptions {
  json?: boolean;
  tag?: string;
}

export interface ShowOptions extends GlobalOptions {
  json?: boolean;
  full?: boolean;
}

async function load(io: Io, options: GlobalOptions): Promise<Catalog> {
  const loaded = await loadAll(io, options);
  reportLoadProblems(loaded, io, options);
  return loaded.catalog;
}

function origin(entry: Entry<unknown>): string {
  const over = entry.overrides.at(-1);
  return over ? `${entry.origin}, overrides ${over.origin}` : entry.origin;
}

export async function listPrompts(options: ListOptions, io: Io): Promise<number> {
  const catalog = await load(io, options);
  const entries = [...catalog.prompts.values()]
    .filter((e) => !options.tag || e.value.tags.includes(options.tag))
    .sort((a, b) => a.value.id.localeCompare(b.value.id));
  if (options.json) {
    const out = entries.map((e) => ({ id: e.value.id, title: e.value.title, difficulty: e.value.difficulty, tags: e.value.tags, rubrics: e.value.rubrics, origin: e.origin as Origin, file: e.file }));
    io.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return EXIT.ok;
  }
  const style = stdoutStyle(io, options);
  if (entries.length === 0) {
    io.stdout.write(options.tag ? `No prompt has the tag "${options.tag}".\n` : 'No prompts found.\n');
    return EXIT.ok;
  }
  const idWidth = Math.max(...entries.map((e) => e.value.id.length)) + 2;
  const titleWidth = Math.max(...entries.map((e) => e.value.title.length)) + 2;
  for (const e of entries) {
    const p = e.value;
    io.stdout.write(`${style.bold(padEnd(p.id, idWidth))}${padEnd(p.title, titleWidth)}${padEnd(p.difficulty, 8)}${style.dim(`${p.tags.join(', ')}  (${origin(e)})`)}\n`);
  }
  io.stdout.write(style.dim(`\n${plural(entries.length, 'prompt')}. Score an answer: mlsd score answer.md --prompt <id>\n`));
  return EXIT.ok;
}

export async function showPrompt(id: string, options: ShowOptions, io: Io): Promise<number> {
  const catalog = await load(io, options);
  const prompt = findPrompt(catalog, id);
  const entry = catalog.prompts.get(id)!;
  if (options.json) {
    io.stdout.write(`${JSON.stringify({ ...promptForJson(prompt, options.full === true), origin: entry.origin, file: entry.file }, null, 2)}\n`);
    return EXIT.ok;
  }
  const style = stdoutStyle(io, options);
  const width = Math.min(terminalWidth(io), 100);
  const out: string[] = [style.bold(prompt.title) + style.dim(`  ·  ${prompt.id}  ·  ${prompt.difficulty}  ·  ${origin(entry)}`), ''];
  out.push(...wrap(`“${prompt.prompt}”`, width, '  '));
  out.push('', `${style.bold('tags')}      ${prompt.tags.join(', ') || '-'}`);
  out.push(`${style.bold('rubrics')}   framework${prompt.rubrics.filter((r) => r !== 'framework').map((r) => `, ${r}`).join('')}`);
  if (prompt.notApplicable.length > 0) out.push(`${style.bold('skips')}     ${prompt.notApplicable.join(', ')} ${style.dim('(not applicable to this prompt)')}`);
  out.push(`${style.bold('file')}      ${stripControl(entry.file)}`);
  out.push('', style.bold('Clarifications the interviewer can answer'));
  for (const c of prompt.clarifications) {
    if (options.full) out.push(...wrap(`${c.topic}: ${c.answer}`, width, '    ', '  • '));
    else out.push(`  • ${c.topic}`);
  }
  if (options.full) {
    out.push('', style.bold('Reference outline'));
    for (const stage of STAGES) {
      out.push(`  ${style.bold(stage.title)}`);
      for (const point of prompt.outline[stage.id]) out.push(...wrap(point, width, '      ', '    - '));
    }
  } else {
    out.push('', style.dim('Add --full for the interviewer\'s answers and the reference outline (spoilers).'));
  }
  io.stdout.write(`${out.join('\n')}\n`);
  return EXIT.ok;
}

export async function listRubrics(options: ListOptions, io: Io): Promise<number> {
  const catalog = await load(io, options);
  const entries = [...catalog.rubrics.values()].sort((a, b) => a.value.id.localeCompare(b.value.id));
  const usedBy = (r: Rubric) => [...catalog.prompts.values()].filter((p) => r.id === 'framework' || p.value.rubrics.includes(r.id)).map((p) => p.value.id);
  if (options.json) {
    const out = entries.map((e) => ({ id: e.value.id, title: e.value.title, items: e.value.items.length, redFlags: e.value.redFlags.length, usedBy: usedBy(e.value), origin: e.origin, file: e.file }));
    io.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return EXIT.ok;
  }
  const style = stdoutStyle(io, options);
  const idWidth = Math.max(10, ...entries.map((e) => e.value.id.length)) + 2;
  for (const e of entries) {
    const r = e.value;
    const used = r.id === 'framework' ? 'every prompt' : usedBy(r).join(', ') || 'no prompt';
    io.stdout.write(`${style.bold(padEnd(r.id, idWidth))}${padEnd(`${plural(r.items.length, 'item')}, ${plural(r.redFlags.length, 'red flag')}`, 26)}${style.dim(`used by ${used}  (${origin(e)})`)}\n`);
  }
  return EXIT.ok;
}

export async function showRubric(id: string, options: ShowOptions, io: Io): Promise<number> {
  const catalog = await load(io, options);
  const rubric = findRubric(catalog, id);
  const entry = catalog.rubrics.get(id)!;
  if (options.json) {
    io.stdout.write(`${JSON.stringify({ ...rubric, origin: entry.origin, file: entry.file }, null, 2)}\n`);
    return EXIT.ok;
  }
  const style = stdoutStyle(io, options);
  const width = Math.min(terminalWidth(io), 100);
  const out: string[] = [style.bold(rubric.title) + style.dim(`  ·  ${rubric.id}  ·  ${origin(entry)}  ·  ${stripControl(entry.file)}`)];
  if (rubric.description) out.push(...wrap(rubric.description, width, '  '));
  // A label too long for the column puts its id on the next line rather than running into it.
  const column = (label: string, meta: string, width: number) =>
    label.length + 2 <= width ? `  ${padEnd(label, width)}${style.dim(meta)}` : `  ${label}\n  ${' '.repeat(width)}${style.dim(meta)}`;
  const labelWidth = Math.min(52, Math.max(...rubric.items.map((i) => i.label.length)) + 2);
  for (const stage of STAGES) {
    const items = rubric.items.filter((i) => i.stage === stage.id);
    if (items.length === 0) continue;
    out.push('', style.bold(stage.title));
    for (const item of items) {
      out.push(column(item.label, `${item.id} · weight ${item.weight} · ${item.level}`, labelWidth));
      if (options.full) {
        out.push(...wrap(`phrases: ${item.phrases.join(', ')}`, width, '      ').map(style.dim));
        out.push(...wrap(`follow-up: ${item.followUp}`, width, '      '));
      }
    }
  }
  if (rubric.redFlags.length > 0) {
    out.push('', style.bold('Red flags'));
    const flagWidth = Math.min(56, Math.max(...rubric.redFlags.map((f) => f.label.length)) + 2);
    for (const flag of rubric.redFlags) out.push(column(flag.label, `${flag.id} · ${flag.severity}`, flagWidth));
  }
  if (!options.full) out.push('', style.dim('Add --full for phrases and follow-up questions.'));
  io.stdout.write(`${out.join('\n')}\n`);
  return EXIT.ok;
}

/**
 * A prompt as `prompts show --json` prints it. Without --full the interviewer's answers and the reference
 * outline stay hidden, as in the text view: clarifications keep their topic and question patterns only.
 */
export function promptForJson(prompt: Prompt, full: boolean): Prompt | (Omit<Prompt, 'outline' | 'clarifications'> & { clarifications: Omit<Prompt['clarifications'][number], 'answer'>[] }) {
  if (full) return prompt;
  const { outline: _outline, clarifications, ...rest } = prompt;
  return { ...rest, clarifications: clarifications.map(({ answer: _answer, ...c }) => c) };
}
