import type { Catalog, Entry, Origin } from '../content/catalog.js';
import type { Prompt, Rubric } from '../content/schema.js';
import { EXIT } from '../errors.js';
import { renderPromptDetail, renderPromptList, renderRubricDetail, renderRubricList } from '../ui/content-view.js';
import { loadAll, reportLoadProblems } from './load-content.js';
import { listWidth, printLines, stdoutStyle, terminalWidth, type GlobalOptions, type Io } from './command-io.js';
import { findPrompt, findRubric } from './lookup.js';
import { byCodeUnits } from '../text/compare.js';

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
    .sort((a, b) => byCodeUnits(a.value.id, b.value.id));
  if (options.json) {
    const out = entries.map((e) => ({ id: e.value.id, title: e.value.title, difficulty: e.value.difficulty, tags: e.value.tags, rubrics: e.value.rubrics, origin: e.origin as Origin, file: e.file }));
    io.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return EXIT.ok;
  }
  const rows = entries.map((e) => ({ id: e.value.id, title: e.value.title, difficulty: e.value.difficulty, tags: e.value.tags, origin: origin(e) }));
  printLines(io, renderPromptList(rows, options.tag, stdoutStyle(io, options), listWidth(io)));
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
  printLines(io, renderPromptDetail(prompt, { origin: origin(entry), file: entry.file }, options.full === true, stdoutStyle(io, options), terminalWidth(io)));
  return EXIT.ok;
}

export async function listRubrics(options: ListOptions, io: Io): Promise<number> {
  const catalog = await load(io, options);
  const entries = [...catalog.rubrics.values()].sort((a, b) => byCodeUnits(a.value.id, b.value.id));
  const usedBy = (r: Rubric) => [...catalog.prompts.values()].filter((p) => r.id === 'framework' || p.value.rubrics.includes(r.id)).map((p) => p.value.id);
  // A rubric whose file has an error stays listed, marked: the prompts naming it were skipped (catalog.ts).
  const broken = new Set(catalog.issues.filter((i) => i.severity === 'error').map((i) => i.file));
  if (options.json) {
    const out = entries.map((e) => ({ id: e.value.id, title: e.value.title, items: e.value.items.length, redFlags: e.value.redFlags.length, usedBy: usedBy(e.value), origin: e.origin, file: e.file, errors: broken.has(e.file) }));
    io.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return EXIT.ok;
  }
  const rows = entries.map((e) => ({
    id: e.value.id,
    items: e.value.items.length,
    redFlags: e.value.redFlags.length,
    usedBy: e.value.id === 'framework' ? 'every prompt' : usedBy(e.value).join(', ') || 'no prompt',
    origin: origin(e),
    errors: broken.has(e.file),
  }));
  printLines(io, renderRubricList(rows, stdoutStyle(io, options), listWidth(io)));
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
  printLines(io, renderRubricDetail(rubric, { origin: origin(entry), file: entry.file }, options.full === true, stdoutStyle(io, options), terminalWidth(io)));
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
