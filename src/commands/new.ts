import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ExitPromptError } from '@inquirer/core';
import { checkbox, confirm, input, number, select } from '@inquirer/prompts';
import { buildCatalog, FRAMEWORK_RUBRIC, type Catalog, type ContentKind } from '../content/catalog.js';
import { KEBAB, promptYaml, rubricYaml, splitList, splitPoints, toKebab, type PromptDraft, type RubricDraft } from '../content/scaffold.js';
import { allOf, listAnswer, notTaken, rubricsTogether, textAnswer, type AnswerCheck } from '../content/answer-checks.js';
import { clarificationSchema, PROBLEM_TYPES, promptSchema, rubricItemSchema, rubricSchema, type Clarification, type ProblemType, type RubricItem } from '../content/schema.js';
import { CliError, EXIT } from '../errors.js';
import { pathExists, writeFileAtomic, writeShared } from '../files/atomic.js';
import { STAGES, type StageId } from '../stages.js';
import { stripControl } from '../text/sanitize.js';
import { checkRubricPhrases, phraseProblem } from '../scoring/rubric-phrase-checks.js';
import { FilteredKeys } from '../ui/filtered-keys.js';
import { loadAll } from './load-content.js';
import { checkOutFile } from './out-file.js';
import { renderNewIntro, renderNewNotWritten, renderNewWritten } from '../ui/content-check-view.js';
import { printLines, requireCursorTerminal, requireTerminal, stdoutStyle, terminalWidth, type GlobalOptions, type Io } from './command-io.js';
import { questionText } from '../ui/question.js';

/** A question's text laid out for the terminal (ui/question.ts). */
type Question = (text: string) => string;

/**
 * How `new` asks: each question's layout, and the keys it reads (the terminal's, with control strings typed
 * or pasted removed whole: ui/filtered-keys.ts), passed to every inquirer prompt.
 */
interface Asker {
  q: Question;
  context: { input: FilteredKeys };
}

export interface NewOptions extends GlobalOptions {
  out?: string;
  force?: boolean;
}

/** Validates an id typed at `new`: true, or what to type instead ("Spam Filter" suggests spam-filter). */
export const checkKebab = (value: string): true | string => {
  if (KEBAB.test(value.trim())) return true;
  const suggestion = toKebab(value);
  return suggestion
    ? `use kebab-case (lowercase letters, digits and dashes): try ${suggestion}`
    : 'use kebab-case: lowercase letters, digits and dashes, e.g. fraud-detection';
};

/** A typed answer as it is written: control characters left by the key reader removed, spaces trimmed. */
const clean = (value: string): string => stripControl(value).trim();
/**
 * A check run on the answer as it will be written (cleaned), its message laid out like a question (inquirer
 * shows it after "> " and would break it mid-word).
 */
const onClean = (check: AnswerCheck, q: Question): AnswerCheck => (value) => {
  const result = check(clean(value));
  return result === true ? true : q(result);
};
const phrasesCheck: AnswerCheck = (value) => {
  for (const phrase of splitList(clean(value))) {
    const problem = phraseProblem(phrase);
    if (problem) return problem;
  }
  return true;
};

/** The problem-type question's answer when none applies: the field is left out (every item applies). */
const NO_PROBLEM_TYPE = 'none';

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
  // The terminal's keys with control strings removed whole, for every question below.
  const keys = new FilteredKeys(process.stdin);
  try {
    printLines(io, renderNewIntro(kind, style));
    if (fixedId !== undefined) io.stdout.write(`Id: ${fixedId} (the --out file's name)\n`);
    // Each question wrapped at spaces to the terminal's width (inquirer would break it mid-word).
    const ask: Asker = { q: (text) => questionText(text, terminalWidth(io)), context: { input: keys } };
    const draft = kind === 'prompt' ? await askPrompt(loaded.catalog.rubrics, fixedId, ask) : await askRubric(fixedId, ask);
    const target = resolve(options.out ?? join(loaded.paths.config, `${kind}s`, `${draft.id}.yaml`));
    if (!options.force && (await pathExists(target)) && !(await confirm({ message: ask.q(`${target} exists. Overwrite it?`), default: false }, ask.context))) {
      io.stdout.write('Nothing written.\n');
      return EXIT.ok;
    }
    const schemaUrl = pathToFileURL(join(loaded.paths.builtin, 'schemas', `${kind}.schema.json`)).href;
    const text = kind === 'prompt' ? promptYaml(draft as PromptDraft, schemaUrl) : rubricYaml(draft as RubricDraft, schemaUrl);

    // Checked before it is written, the way every other command will read it: together with all installed
    // content. A file with an error is never written; its text is shown, so nothing typed is lost.
    const others = loaded.files.filter((f) => f.file !== target);
    const catalog = buildCatalog([...others, { kind, file: target, text, origin: options.out ? 'dir' : 'user' }], [checkRubricPhrases]);
    const issues = catalog.issues.filter((i) => i.file === target);
    if (issues.some((i) => i.severity === 'error')) {
      printLines(io, renderNewNotWritten(kind, target, issues, text, style));
      return EXIT.failure;
    }
    await writeFileAtomic(target, text, { write: writeShared });
    const shadowed = (kind === 'prompt' ? catalog.prompts : catalog.rubrics).get(draft.id)?.overrides.find((o) => o.origin === 'built-in');
    printLines(io, renderNewWritten(kind, target, issues, shadowed ? { id: draft.id, file: shadowed.file } : null, style));
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
  } finally {
    keys.close();
  }
}

/** The id question, or, when --out already names the file, that name (not asked again). */
async function askId(fixedId: string | undefined, ask: Asker): Promise<string> {
  if (fixedId !== undefined) return fixedId;
  return clean(await input({ message: ask.q('Id (kebab-case, also the file name):'), validate: onClean(checkKebab, ask.q) }, ask.context));
}

/** A line of text, checked as it is entered; the answer cleaned as it will be written. */
async function askText(ask: Asker, message: string, check: AnswerCheck): Promise<string> {
  return clean(await input({ message: ask.q(message), validate: onClean(check, ask.q) }, ask.context));
}

async function askPrompt(rubricsFound: Catalog['rubrics'], fixedId: string | undefined, ask: Asker): Promise<PromptDraft> {
  const { q, context } = ask;
  const id = await askId(fixedId, ask);
  const title = await askText(ask, 'Title:', textAnswer(promptSchema.shape.title));
  const prompt = await askText(ask, 'What the interviewer says to open (keep it vague):', textAnswer(promptSchema.shape.prompt));
  const tags = splitList(await askText(ask, 'Tags (comma-separated kebab-case, e.g. fraud, real-time; optional):', listAnswer(promptSchema.shape.tags, splitList, 'tag', { optional: true })));
  const difficulty = await select({ message: q('Difficulty:'), choices: ['easy', 'medium', 'hard'] as const, default: 'medium' }, context);
  const kind = await select<ProblemType | typeof NO_PROBLEM_TYPE>(
    {
      message: q('Problem type (what the model predicts; items and hints fit it):'),
      choices: [...PROBLEM_TYPES.map((t) => ({ value: t, name: t })), { value: NO_PROBLEM_TYPE, name: 'none of these (every item applies)' }],
      default: NO_PROBLEM_TYPE,
    },
    context,
  );
  const problemType = kind === NO_PROBLEM_TYPE ? undefined : kind;
  const domain = [...rubricsFound.keys()].filter((r) => r !== FRAMEWORK_RUBRIC).sort();
  const itemsOf = (id: string) => rubricsFound.get(id)?.value.items.map((i) => i.id) ?? [];
  const together = (chosen: ReadonlyArray<{ value: string }>) => {
    const result = rubricsTogether(chosen.map((c) => c.value), itemsOf, itemsOf(FRAMEWORK_RUBRIC), FRAMEWORK_RUBRIC);
    return result === true ? true : q(result);
  };
  const rubrics = domain.length > 0 ? await checkbox({ message: q('Domain rubrics to apply (the framework rubric always applies):'), choices: domain, validate: together }, context) : [];
  const clarifications: Clarification[] = [];
  for (;;) {
    const taken = clarifications.map((c) => c.topic);
    const topic = await askText(
      ask,
      `Clarification ${clarifications.length + 1}: topic (kebab-case${clarifications.length > 0 ? ', empty to finish' : ''}):`,
      (v) => (!v && clarifications.length > 0 ? true : allOf(checkKebab, notTaken(taken, 'topic'))(v)),
    );
    if (!topic) break;
    const patterns = splitList(await askText(ask, '  Question patterns that reveal it (comma-separated):', listAnswer(clarificationSchema.shape.patterns, splitList, 'pattern')));
    const answer = await askText(ask, "  The interviewer's answer:", textAnswer(clarificationSchema.shape.answer));
    clarifications.push({ topic, patterns, answer });
  }
  const outline = {} as Record<StageId, string[]>;
  for (const stage of STAGES) {
    const field = promptSchema.shape.outline.shape[stage.id];
    outline[stage.id] = splitPoints(await askText(ask, `Reference outline, ${stage.title} (points separated by ;):`, listAnswer(field, splitPoints, 'point', { separator: '; ' })));
  }
  return { id, title, prompt, tags, difficulty, ...(problemType ? { problemType } : {}), rubrics, clarifications, outline };
}

async function askRubric(fixedId: string | undefined, ask: Asker): Promise<RubricDraft> {
  const { q, context } = ask;
  const id = await askId(fixedId, ask);
  const title = await askText(ask, 'Title:', textAnswer(rubricSchema.shape.title));
  const description = await askText(ask, 'One-line description (optional):', () => true);
  const items: RubricItem[] = [];
  for (;;) {
    const taken = items.map((i) => i.id);
    const itemId = await askText(
      ask,
      `Item ${items.length + 1}: id (kebab-case${items.length > 0 ? ', empty to finish' : ''}):`,
      (v) => (!v && items.length > 0 ? true : allOf(checkKebab, notTaken(taken, 'item id'))(v)),
    );
    if (!itemId) break;
    const stage = await select({ message: q('  Stage:'), choices: STAGES.map((s) => ({ name: s.title, value: s.id })) }, context);
    const label = await askText(ask, '  Label:', textAnswer(rubricItemSchema.shape.label));
    const weight = (await number({ ...WEIGHT_QUESTION, message: q(WEIGHT_QUESTION.message), required: true }, context)) ?? WEIGHT_QUESTION.default;
    const level = await select({ message: q('  Expected unprompted from:'), choices: ['core', 'senior', 'staff'] as const, default: 'core' }, context);
    const phrases = splitList(await askText(ask, '  Phrases a candidate would say (comma-separated, 6 or more is best):', allOf(listAnswer(rubricItemSchema.shape.phrases, splitList, 'phrase'), phrasesCheck)));
    const why = await askText(ask, '  Why it matters:', textAnswer(rubricItemSchema.shape.why));
    const hint = await askText(ask, '  Hint for next time:', textAnswer(rubricItemSchema.shape.hint));
    const followUp = await askText(ask, "  The interviewer's follow-up question:", textAnswer(rubricItemSchema.shape.followUp));
    items.push({ id: itemId, stage, label, weight, level, phrases, minMatches: 1, risk: false, why, hint, followUp });
  }
  return { id, title, ...(description ? { description } : {}), items };
}

/** `word` as one shell word: as it is when it holds only safe characters, else in single quotes ('\'' for a quote). */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
