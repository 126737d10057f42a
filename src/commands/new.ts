import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ExitPromptError } from '@inquirer/core';
import { checkbox, confirm, input, number, select } from '@inquirer/prompts';
import { buildCatalog, type ContentKind } from '../content/catalog.js';
import { KEBAB, promptYaml, rubricYaml, splitList, splitPoints, toKebab, type PromptDraft, type RubricDraft } from '../content/scaffold.js';
import type { Clarification, RubricItem } from '../content/schema.js';
import { CliError, EXIT } from '../errors.js';
import { pathExists, writeFileAtomic, writeShared } from '../files/atomic.js';
import { STAGES, type StageId } from '../stages.js';
import { stripControl } from '../text/sanitize.js';
import { checkRubricPhrases } from '../scoring/rubric-phrase-checks.js';
import { loadAll } from './load-content.js';
import { checkOutFile } from './out-file.js';
import { renderNewIntro, renderNewWritten } from '../ui/content-check-view.js';
import { printLines, requireCursorTerminal, requireTerminal, stdoutStyle, terminalWidth, type GlobalOptions, type Io } from './command-io.js';
import { questionText } from '../ui/question.js';

/** A question's text laid out for the terminal (ui/question.ts). */
type Question = (text: string) => string;

export interface NewOptions extends GlobalOptions {
  out?: string;
  force?: boolean;
}

const required = (what: string) => (value: string) => (value.trim() ? true : `${what} is required`);
/** Validates an id typed at `new`: true, or what to type instead ("Spam Filter" suggests spam-filter). */
export const checkKebab = (value: string): true | string => {
  if (KEBAB.test(value.trim())) return true;
  const suggestion = toKebab(value);
  return suggestion
    ? `use kebab-case (lowercase letters, digits and dashes): try ${suggestion}`
    : 'use kebab-case: lowercase letters, digits and dashes, e.g. fraud-detection';
};
const list = (what: string) => (value: string) => (splitList(value).length > 0 ? true : `give at least one ${what}, separated by commas`);
const points = (value: string) => (splitPoints(value).length > 0 ? true : 'give at least one point; separate points with ;');

/** The weight question of `rubrics new`: the range the rubric schema allows (weight > 0, at most 10). */
export const WEIGHT_QUESTION = { message: '  Weight (1 nice to have .. 10 must have):', default: 3, min: 1, max: 10 } as const;

/**
 * The id a `--out` file fixes: content files are read by name, and a file's id must equal its name
 * (card-fraud.yaml holds id card-fraud). `{ problem }` when the name cannot be an id (wrong extension,
 * not kebab-case), with the name to use instead when there is one. Pure.
 */
export function idFromOutFile(file: string): { id: string } | { problem: string } {
  const name = basename(file);
  const match = /^(.*)\.ya?ml$/i.exec(name);
  if (!match) return { problem: `--out ${file}: content files end in .yaml, and the file name is the id, e.g. --out ${join(file, '..', 'my-id.yaml')}` };
  const stem = match[1] ?? '';
  if (KEBAB.test(stem)) return { id: stem };
  const suggestion = toKebab(stem);
  return { problem: `--out ${file}: the file name is the id, so it must be kebab-case (lowercase letters, digits and dashes)${suggestion ? `; try --out ${join(file, '..', `${suggestion}.yaml`)}` : ''}` };
}

export async function newCommand(kind: ContentKind, options: NewOptions, io: Io): Promise<number> {
  // A bad --out is said before any question is asked; an existing file is asked about at the end (or --force).
  let fixedId: string | undefined;
  if (options.out !== undefined) {
    await checkOutFile(options.out, true, `${kind}.yaml`);
    const fromName = idFromOutFile(options.out);
    if ('problem' in fromName) throw new CliError(fromName.problem, EXIT.usage);
    fixedId = fromName.id;
  }
  requireTerminal(io, `mlsd ${kind}s new`, `Copy an example from docs/writing-prompts.md instead, then run: mlsd ${kind}s validate <file>`);
  requireCursorTerminal(io, `mlsd ${kind}s new`, `Copy an example from docs/writing-prompts.md instead, then run: mlsd ${kind}s validate <file>`);
  // Every file is needed to check the new one against, so no content cache here.
  const loaded = await loadAll(io, options, [], { cache: false });
  const style = stdoutStyle(io, options);
  try {
    printLines(io, renderNewIntro(kind, style));
    if (fixedId !== undefined) io.stdout.write(`Id: ${fixedId} (the --out file's name)\n`);
    // Each question wrapped at spaces to the terminal's width (inquirer would break it mid-word).
    const q: Question = (text) => questionText(text, terminalWidth(io));
    const draft = kind === 'prompt' ? await askPrompt(loaded.catalog.rubrics.keys(), fixedId, q) : await askRubric(fixedId, q);
    const target = resolve(options.out ?? join(loaded.paths.config, `${kind}s`, `${draft.id}.yaml`));
    if (!options.force && (await pathExists(target)) && !(await confirm({ message: q(`${target} exists. Overwrite it?`), default: false }))) {
      io.stdout.write('Nothing written.\n');
      return EXIT.ok;
    }
    const schemaUrl = pathToFileURL(join(loaded.paths.builtin, 'schemas', `${kind}.schema.json`)).href;
    const text = kind === 'prompt' ? promptYaml(draft as PromptDraft, schemaUrl) : rubricYaml(draft as RubricDraft, schemaUrl);
    await writeFileAtomic(target, text, { write: writeShared });

    // Check it the way every other command will read it: together with all installed content.
    const others = loaded.files.filter((f) => f.file !== target);
    const catalog = buildCatalog([...others, { kind, file: target, text, origin: options.out ? 'dir' : 'user' }], [checkRubricPhrases]);
    const issues = catalog.issues.filter((i) => i.file === target);
    const shadowed = (kind === 'prompt' ? catalog.prompts : catalog.rubrics).get(draft.id)?.overrides.find((o) => o.origin === 'built-in');
    printLines(io, renderNewWritten(kind, target, issues, shadowed ? { id: draft.id, file: shadowed.file } : null, style));
    if (issues.some((i) => i.severity === 'error')) return EXIT.failure;
    if (kind === 'prompt') {
      // A prompt written outside the user folder is found only through its folder: both commands name it.
      const dir = options.out ? ` --prompts-dir ${shellWord(stripControl(dirname(target)))}` : '';
      io.stdout.write(`Practise it:  mlsd practice ${draft.id}${dir}\n`);
      io.stdout.write(`Tune it:      mlsd score my-answer.md --prompt ${draft.id}${dir}\n`);
    } else {
      io.stdout.write(`Use it: add "${draft.id}" to a prompt's rubrics list, then: mlsd rubrics show ${draft.id}\n`);
    }
    return EXIT.ok;
  } catch (error) {
    if (error instanceof ExitPromptError) {
      io.stdout.write('\nCancelled; nothing written.\n');
      return EXIT.interrupted;
    }
    throw error;
  }
}

/** The id question, or, when --out already names the file, that name (not asked again). */
async function askId(fixedId: string | undefined, q: Question): Promise<string> {
  if (fixedId !== undefined) return fixedId;
  return (await input({ message: q('Id (kebab-case, also the file name):'), validate: checkKebab })).trim();
}

async function askPrompt(rubricIds: Iterable<string>, fixedId: string | undefined, q: Question): Promise<PromptDraft> {
  const id = await askId(fixedId, q);
  const title = (await input({ message: q('Title:'), validate: required('a title') })).trim();
  const prompt = (await input({ message: q('What the interviewer says to open (keep it vague):'), validate: required('the opening line') })).trim();
  const tags = splitList(await input({ message: q('Tags (comma-separated, optional):') }));
  const difficulty = await select({ message: q('Difficulty:'), choices: ['easy', 'medium', 'hard'] as const, default: 'medium' });
  const domain = [...rubricIds].filter((r) => r !== 'framework').sort();
  const rubrics = domain.length > 0 ? await checkbox({ message: q('Domain rubrics to apply (the framework rubric always applies):'), choices: domain }) : [];
  const clarifications: Clarification[] = [];
  for (;;) {
    const topic = (await input({
      message: q(`Clarification ${clarifications.length + 1}: topic (kebab-case${clarifications.length > 0 ? ', empty to finish' : ''}):`),
      validate: (v) => (!v.trim() && clarifications.length > 0 ? true : checkKebab(v)),
    })).trim();
    if (!topic) break;
    const patterns = splitList(await input({ message: q('  Question patterns that reveal it (comma-separated):'), validate: list('pattern') }));
    const answer = (await input({ message: q("  The interviewer's answer:"), validate: required('an answer') })).trim();
    clarifications.push({ topic, patterns, answer });
  }
  const outline = {} as Record<StageId, string[]>;
  for (const stage of STAGES) {
    outline[stage.id] = splitPoints(await input({ message: q(`Reference outline, ${stage.title} (points separated by ;):`), validate: points }));
  }
  return { id, title, prompt, tags, difficulty, rubrics, clarifications, outline };
}

async function askRubric(fixedId: string | undefined, q: Question): Promise<RubricDraft> {
  const id = await askId(fixedId, q);
  const title = (await input({ message: q('Title:'), validate: required('a title') })).trim();
  const description = (await input({ message: q('One-line description (optional):') })).trim();
  const items: RubricItem[] = [];
  for (;;) {
    const itemId = (await input({
      message: q(`Item ${items.length + 1}: id (kebab-case${items.length > 0 ? ', empty to finish' : ''}):`),
      validate: (v) => (!v.trim() && items.length > 0 ? true : checkKebab(v)),
    })).trim();
    if (!itemId) break;
    const stage = await select({ message: q('  Stage:'), choices: STAGES.map((s) => ({ name: s.title, value: s.id })) });
    const label = (await input({ message: q('  Label:'), validate: required('a label') })).trim();
    const weight = (await number({ ...WEIGHT_QUESTION, message: q(WEIGHT_QUESTION.message), required: true })) ?? WEIGHT_QUESTION.default;
    const level = await select({ message: q('  Expected unprompted from:'), choices: ['core', 'senior', 'staff'] as const, default: 'core' });
    const phrases = splitList(await input({ message: q('  Phrases a candidate would say (comma-separated, 6 or more is best):'), validate: list('phrase') }));
    const why = (await input({ message: q('  Why it matters:'), validate: required('why it matters') })).trim();
    const hint = (await input({ message: q('  Hint for next time:'), validate: required('a hint') })).trim();
    const followUp = (await input({ message: q("  The interviewer's follow-up question:"), validate: required('a follow-up') })).trim();
    items.push({ id: itemId, stage, label, weight, level, phrases, minMatches: 1, risk: false, why, hint, followUp });
  }
  return { id, title, ...(description ? { description } : {}), items };
}

/** `word` as one shell word: as it is when it holds only safe characters, else in single quotes ('\'' for a quote). */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
