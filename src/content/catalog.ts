import { closest } from '../text/closest.js';
import { sanitizeDeep } from '../text/sanitize.js';
import { dotPath, parseYaml, type ContentIssue, type Locator } from './parse.js';
import { promptSchema, rubricSchema, type Prompt, type Rubric } from './schema.js';
import { FRAMEWORK_RUBRIC } from './scope.js';
import { plural } from '../text/plural.js';

export { FRAMEWORK_RUBRIC, rubricsFor } from './scope.js';

/**
 * The content mlsd knows: every prompt and rubric from every search path, resolved by id. Later
 * sources override earlier ones (built-in, then user config, then packs, then --*-dir flags).
 * Pure: it takes file texts and returns data; reading directories is the caller's job.
 */

export type ContentKind = 'prompt' | 'rubric';
export type Origin = 'built-in' | 'user' | 'pack' | 'dir';

export interface SourceFile {
  kind: ContentKind;
  file: string;
  text: string;
  origin: Origin;
}

export interface Entry<T> {
  value: T;
  file: string;
  origin: Origin;
  locate: Locator;
  /** Files this one overrides, earliest first. */
  overrides: Array<{ file: string; origin: Origin }>;
}

export interface Catalog {
  prompts: Map<string, Entry<Prompt>>;
  rubrics: Map<string, Entry<Rubric>>;
  issues: ContentIssue[];
  notices: string[];
}


/**
 * A check of one rubric that needs more than its ids, run by `buildCatalog` after its own checks: the
 * phrase checks need the reader (which words a phrase matches, the lexicon's concepts), a layer above
 * content, so the caller passes them in (scoring/rubric-phrase-checks.ts; docs/architecture.md, Layers).
 */
export type RubricCheck = (entry: Entry<Rubric>, catalog: Catalog) => ContentIssue[];

/**
 * Parses and checks every file into a catalog: schema errors, ids that must equal file names, ids that
 * must exist, duplicates; then each of `checks` on every rubric. Never throws: problems are `issues`.
 * A prompt whose file has any error is left out of `prompts` (its issues stay).
 */
export function buildCatalog(files: readonly SourceFile[], checks: readonly RubricCheck[] = []): Catalog {
  const catalog: Catalog = { prompts: new Map(), rubrics: new Map(), issues: [], notices: [] };
  // Rubric files read but rejected (a schema error, an id that is not the file name), by the id their
  // name gives: a prompt that uses one is told the rubric has errors, not that it does not exist.
  const rejected = new Map<string, string>();
  for (const source of files) {
    if (source.kind === 'prompt') add(catalog, catalog.prompts, source, parseYaml(source.text, source.file, promptSchema));
    else if (!add(catalog, catalog.rubrics, source, parseYaml(source.text, source.file, rubricSchema))) rejected.set(baseName(source.file), source.file);
  }
  for (const entry of catalog.rubrics.values()) {
    checkRubric(entry, catalog);
    for (const check of checks) catalog.issues.push(...check(entry, catalog));
  }
  for (const entry of catalog.prompts.values()) checkPrompt(entry, catalog, rejected);
  // A prompt file with an error (an unknown rubric, a duplicate item), or one that uses a rubric whose
  // file has an error, is skipped, as the load warning says: never listed, picked or scored without
  // part of its checklist. `validate` still reports it.
  const broken = new Set(catalog.issues.filter((i) => i.severity === 'error').map((i) => i.file));
  for (const entry of catalog.prompts.values()) {
    // The framework rubric applies to every prompt without being listed.
    [FRAMEWORK_RUBRIC, ...entry.value.rubrics].forEach((id, n) => {
      const rubric = catalog.rubrics.get(id);
      if (!rubric || !broken.has(rubric.file) || broken.has(entry.file)) return;
      const path = n === 0 ? ['rubrics'] : ['rubrics', n - 1];
      catalog.issues.push(error(entry.file, entry.locate(path), dotPath(path), `rubric "${id}" has errors (${rubric.file}), so this prompt cannot be scored; fix the rubric first`));
      broken.add(entry.file);
    });
  }
  for (const [id, entry] of catalog.prompts) if (broken.has(entry.file)) catalog.prompts.delete(id);
  return catalog;
}

function add<T extends { id: string }>(
  catalog: Catalog,
  map: Map<string, Entry<T>>,
  source: SourceFile,
  parsed: { value: T | null; issues: ContentIssue[]; locate: Locator },
): boolean {
  catalog.issues.push(...parsed.issues);
  if (!parsed.value) return false;
  // Terminal control in content is removed here, once, so no view and no written file ever sees it.
  const { value, found } = sanitizeDeep(parsed.value);
  for (const f of found) {
    catalog.issues.push(warning(source.file, parsed.locate(f.path), dotPath(f.path), `contains ${f.name}; terminal control is removed before display (content never drives the terminal)`));
  }
  const expected = baseName(source.file);
  if (value.id !== expected) {
    const at = parsed.locate(['id']);
    catalog.issues.push(error(source.file, at, 'id', `id "${value.id}" must equal the file name "${expected}"; rename the file or the id`));
    return false;
  }
  const previous = map.get(value.id);
  const entry: Entry<T> = { value, file: source.file, origin: source.origin, locate: parsed.locate, overrides: [] };
  if (previous) {
    entry.overrides = [...previous.overrides, { file: previous.file, origin: previous.origin }];
    catalog.notices.push(`${source.kind} "${value.id}" from ${source.file} (${source.origin}) overrides ${previous.file} (${previous.origin})`);
  }
  map.set(value.id, entry);
  return true;
}

function checkRubric(entry: Entry<Rubric>, catalog: Catalog): void {
  const rubric = entry.value;
  const framework = catalog.rubrics.get(FRAMEWORK_RUBRIC)?.value;
  const seenItems = new Map<string, number>();
  rubric.items.forEach((item, i) => {
    if (seenItems.has(item.id)) {
      catalog.issues.push(error(entry.file, entry.locate(['items', i, 'id']), `items[${i}].id`, `duplicate item id "${item.id}" (also items[${seenItems.get(item.id)}])`));
    }
    seenItems.set(item.id, i);
    if (item.minMatches > item.phrases.length) {
      catalog.issues.push(error(entry.file, entry.locate(['items', i, 'minMatches']), `items[${i}].minMatches`, `minMatches is ${item.minMatches} but the item has only ${plural(item.phrases.length, 'phrase')}`));
    }
  });
  const known = new Set([...rubric.items.map((i) => i.id), ...(framework?.items.map((i) => i.id) ?? [])]);
  const seenFlags = new Set<string>();
  rubric.redFlags.forEach((flag, i) => {
    if (seenFlags.has(flag.id)) {
      catalog.issues.push(error(entry.file, entry.locate(['redFlags', i, 'id']), `redFlags[${i}].id`, `duplicate red flag id "${flag.id}"`));
    }
    seenFlags.add(flag.id);
    for (const key of ['unlessItems', 'ruledOut', 'needsItems'] as const) {
      flag[key].forEach((id, j) => {
        if (!known.has(id)) {
          catalog.issues.push(error(entry.file, entry.locate(['redFlags', i, key, j]), `redFlags[${i}].${key}[${j}]`, `unknown item "${id}": expected an item id of this rubric or of "${FRAMEWORK_RUBRIC}"`));
        }
      });
    }
  });
  if (rubric.listFlag && seenFlags.has(rubric.listFlag.id)) {
    catalog.issues.push(error(entry.file, entry.locate(['listFlag', 'id']), 'listFlag.id', `red flag id "${rubric.listFlag.id}" is also the id of one of redFlags; give the list flag its own id`));
  }
  // The items a topic stands for must exist, or a clarifying question would earn nothing.
  const seenTopics = new Map<string, number>();
  rubric.topics.forEach((topic, i) => {
    if (seenTopics.has(topic.topic)) {
      catalog.issues.push(error(entry.file, entry.locate(['topics', i, 'topic']), `topics[${i}].topic`, `duplicate topic "${topic.topic}" (also topics[${seenTopics.get(topic.topic)}]); list its items once`));
    }
    seenTopics.set(topic.topic, i);
    topic.covers.forEach((id, j) => {
      if (known.has(id)) return;
      const near = closest(id, [...known]);
      catalog.issues.push(error(entry.file, entry.locate(['topics', i, 'covers', j]), `topics[${i}].covers[${j}]`, `unknown item "${id}"${near ? ` (did you mean "${near}"?)` : ''}: expected an item id of this rubric or of "${FRAMEWORK_RUBRIC}"`));
    });
  });
}

/** `rejected`: rubric ids (from file names) whose files were read but rejected, with the file. */
function checkPrompt(entry: Entry<Prompt>, catalog: Catalog, rejected: ReadonlyMap<string, string>): void {
  const prompt = entry.value;
  const hasErrors = (id: string, file: string) => `rubric "${id}" has errors (${file}), so this prompt cannot be scored; fix the rubric first`;
  if (!catalog.rubrics.has(FRAMEWORK_RUBRIC)) {
    const file = rejected.get(FRAMEWORK_RUBRIC);
    catalog.issues.push(error(entry.file, entry.locate([]), '', file ? hasErrors(FRAMEWORK_RUBRIC, file) : `the "${FRAMEWORK_RUBRIC}" rubric is missing, and every prompt is scored against it`));
  }
  const itemOwner = new Map<string, string>();
  for (const item of catalog.rubrics.get(FRAMEWORK_RUBRIC)?.value.items ?? []) itemOwner.set(item.id, FRAMEWORK_RUBRIC);
  prompt.rubrics.forEach((id, i) => {
    const rubric = catalog.rubrics.get(id);
    if (!rubric && rejected.has(id)) {
      catalog.issues.push(error(entry.file, entry.locate(['rubrics', i]), `rubrics[${i}]`, hasErrors(id, rejected.get(id)!)));
      return;
    }
    if (!rubric) {
      const near = closest(id, [...catalog.rubrics.keys()]);
      catalog.issues.push(error(entry.file, entry.locate(['rubrics', i]), `rubrics[${i}]`, `unknown rubric "${id}"${near ? ` (did you mean "${near}"?)` : ''}; a rubric is a file rubrics/<id>.yaml`));
      return;
    }
    if (id === FRAMEWORK_RUBRIC) return;
    for (const item of rubric.value.items) {
      const owner = itemOwner.get(item.id);
      if (owner && owner !== id) {
        catalog.issues.push(error(entry.file, entry.locate(['rubrics', i]), `rubrics[${i}]`, `rubric "${id}" has item "${item.id}", which rubric "${owner}" also has; item ids must be unique within a prompt`));
      }
      itemOwner.set(item.id, id);
    }
  });
  // notApplicable and covers name items of the prompt's own scope.
  const checkItem = (id: string, path: Array<string | number>, field: string) => {
    if (itemOwner.has(id)) return;
    const near = closest(id, [...itemOwner.keys()]);
    catalog.issues.push(error(entry.file, entry.locate(path), field, `unknown item "${id}"${near ? ` (did you mean "${near}"?)` : ''}: expected an item id of this prompt's rubrics`));
  };
  prompt.notApplicable.forEach((id, i) => checkItem(id, ['notApplicable', i], `notApplicable[${i}]`));
  const topics = new Set<string>();
  prompt.clarifications.forEach((c, i) => {
    if (topics.has(c.topic)) {
      catalog.issues.push(error(entry.file, entry.locate(['clarifications', i, 'topic']), `clarifications[${i}].topic`, `duplicate topic "${c.topic}"`));
    }
    topics.add(c.topic);
    c.covers?.forEach((id, j) => checkItem(id, ['clarifications', i, 'covers', j], `clarifications[${i}].covers[${j}]`));
  });
}

export function baseName(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  return name.replace(/\.ya?ml$/i, '');
}

/** An error at a place in a content file. */
export function error(file: string, at: { line: number; col: number }, path: string, message: string): ContentIssue {
  return { file, line: at.line, col: at.col, path, message, severity: 'error' };
}

/** A warning at a place in a content file. */
export function warning(file: string, at: { line: number; col: number }, path: string, message: string): ContentIssue {
  return { ...error(file, at, path, message), severity: 'warning' };
}
