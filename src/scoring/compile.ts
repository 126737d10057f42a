import type { ListFlag, RedFlag, Rubric, RubricItem } from '../content/schema.js';
import { compilePhrase, Vocabulary, type CompiledPhrase } from './phrase.js';
import { compilePattern } from './pattern.js';
import { PhraseFilter } from './phrase-filter.js';

/** Rubrics turned into ready-to-match phrases. Compile once, score many answers. */
export interface CompiledItem {
  item: RubricItem;
  rubric: string;
  phrases: CompiledPhrase[];
}

export interface CompiledFlag {
  flag: RedFlag;
  rubric: string;
  phrases: CompiledPhrase[];
  unless: CompiledPhrase[];
  near: CompiledPhrase[];
  unlessNear: CompiledPhrase[];
  /** Corrections in the trigger's everyday sense: they clear it only in a clause with none of `roleNear`. */
  everydayNear: CompiledPhrase[];
  /** Phrases that state the trigger in the flag's role. */
  roleNear: CompiledPhrase[];
  /** Like `near`, in an answer that covers none of the flag's `ruledOut` items. */
  nearWithoutRuledOut: CompiledPhrase[];
  /** Phrases that rank a choice first (in the part of a clause it stands in). */
  leadNear: CompiledPhrase[];
  /** The choices that should come first: one ranked first, and not the trigger, clears it. */
  rivals: CompiledPhrase[];
}

export interface CompiledScope {
  items: CompiledItem[];
  flags: CompiledFlag[];
  vocabulary: Vocabulary;
  /** Where the phrases of the items and flags (and their conditions) can start: a text is searched only for those that can. */
  filter?: PhraseFilter<CompiledPhrase>;
  /** Clarification topic -> the items a clarifying question on it earns, from the rubrics' `topics` (all of them, merged). */
  topics: ReadonlyMap<string, readonly string[]>;
  /** The list-of-terms red flag, from the first rubric that declares one (the framework); none, none is raised. */
  listFlag?: ListFlag & { rubric: string };
  /** Phrases compiled before, by text (the compiled-scoring cache): the scorer takes the prompt's clarification patterns from here. */
  known?: ReadonlyMap<string, CompiledPhrase>;
}

/**
 * The rubrics' items and red flags with their phrases compiled. `known` holds phrases compiled before,
 * by text (the compiled-scoring cache, files/compiled-cache.ts): those are taken as they are, the rest
 * compiled here. `vocabulary`, when given, is this rubric set's misspelling vocabulary built before
 * (from the same cache: `compiledForm`); otherwise it is built from the phrases.
 */
export function compileRubrics(rubrics: readonly Rubric[], known?: ReadonlyMap<string, CompiledPhrase>, vocabulary?: Vocabulary): CompiledScope {
  const compileAll = (phrases: readonly string[]): CompiledPhrase[] =>
    phrases.map((text) => known?.get(text) ?? compilePhrase(text)).filter((p) => p.tokens.length > 0);
  const items: CompiledItem[] = [];
  const flags: CompiledFlag[] = [];
  const topics = new Map<string, string[]>();
  let listFlag: CompiledScope['listFlag'];
  for (const rubric of rubrics) {
    for (const { topic, covers } of rubric.topics) topics.set(topic, [...new Set([...(topics.get(topic) ?? []), ...covers])]);
    if (rubric.listFlag && !listFlag) listFlag = { ...rubric.listFlag, rubric: rubric.id };
    for (const item of rubric.items) {
      items.push({ item, rubric: rubric.id, phrases: compileAll(item.phrases) });
    }
    for (const flag of rubric.redFlags) {
      flags.push({
        flag,
        rubric: rubric.id,
        phrases: [...compileAll(flag.phrases), ...flag.patterns.map((pattern) => knownPattern(pattern, known) ?? compilePattern(pattern))],
        unless: compileAll(flag.unless),
        near: compileAll(flag.near),
        unlessNear: compileAll(flag.unlessNear),
        everydayNear: compileAll(flag.everydayNear),
        roleNear: compileAll(flag.roleNear),
        nearWithoutRuledOut: compileAll(flag.nearWithoutRuledOut),
        leadNear: compileAll(flag.leadNear),
        rivals: compileAll(flag.rivals),
      });
    }
  }
  // A flag applies only where the items it presupposes are in scope (not marked not applicable).
  const inScope = new Set(items.map((i) => i.item.id));
  const applicable = flags.filter((f) => f.flag.needsItems.every((id) => inScope.has(id)));
  flags.length = 0;
  flags.push(...applicable);
  const all = () => [...items.flatMap((i) => i.phrases), ...flags.flatMap((f) => [...f.phrases, ...f.unless, ...f.near, ...f.unlessNear, ...f.everydayNear, ...f.roleNear, ...f.nearWithoutRuledOut, ...f.leadNear, ...f.rivals])];
  const filter = new PhraseFilter([...items.map((i) => i.phrases), ...flags.flatMap((f) => [f.phrases, f.unless, f.near, f.unlessNear, f.everydayNear, f.roleNear, f.nearWithoutRuledOut, f.leadNear, f.rivals])]);
  return { items, flags, vocabulary: vocabulary ?? new Vocabulary(all()), filter, topics, ...(listFlag ? { listFlag } : {}), ...(known ? { known } : {}) };
}

/**
 * The key of a red flag's concept pattern among compiled phrases: its compiled text (`~` and the pattern).
 * A rubric phrase may be written the same ("~x y"): it is added first and has no concept, so it is never
 * taken for the pattern (knownPattern), nor the pattern for it.
 */
function patternKey(pattern: string): string {
  return `~${pattern.trim()}`;
}

/** A concept pattern compiled before (compileAllPhrases), when `known` holds it. */
function knownPattern(pattern: string, known: ReadonlyMap<string, CompiledPhrase> | undefined): CompiledPhrase | undefined {
  const found = known?.get(patternKey(pattern));
  return found?.concept ? found : undefined;
}

/**
 * What the compiled-scoring cache keeps for a prompt: every phrase its scoring compiles (the rubrics',
 * their red flags' concept patterns, and, from `extra`, the prompt's clarification patterns) and the
 * rubric set's misspelling vocabulary.
 */
export interface CompiledForm {
  phrases: Map<string, CompiledPhrase>;
  vocabulary: Vocabulary;
}

/** The compiled form of a prompt's rubrics and of `extra` phrases (its clarification patterns), reusing `known` phrases. */
export function compiledForm(rubrics: readonly Rubric[], extra: readonly string[] = [], known?: ReadonlyMap<string, CompiledPhrase>): CompiledForm {
  const phrases = compileAllPhrases(rubrics, known, extra);
  return { phrases, vocabulary: compileRubrics(rubrics, phrases).vocabulary };
}

/** Every phrase text of the rubrics (and the `extra` ones), compiled, then the red flags' concept patterns (by `~` and their text), with those already compiled in `known` taken from it. */
export function compileAllPhrases(rubrics: readonly Rubric[], known?: ReadonlyMap<string, CompiledPhrase>, extra: readonly string[] = []): Map<string, CompiledPhrase> {
  const out = new Map<string, CompiledPhrase>();
  const add = (text: string) => {
    if (!out.has(text)) out.set(text, known?.get(text) ?? compilePhrase(text));
  };
  for (const rubric of rubrics) {
    for (const item of rubric.items) item.phrases.forEach(add);
    for (const flag of rubric.redFlags) [flag.phrases, flag.unless, flag.near, flag.unlessNear, flag.everydayNear, flag.roleNear, flag.nearWithoutRuledOut, flag.leadNear, flag.rivals].forEach((list) => list.forEach(add));
  }
  extra.forEach(add);
  // The red flags' concept patterns last, by their compiled text: a phrase of the same text keeps its place.
  for (const rubric of rubrics) {
    for (const flag of rubric.redFlags) {
      for (const pattern of flag.patterns) {
        const key = patternKey(pattern);
        if (!out.has(key)) out.set(key, knownPattern(pattern, known) ?? compilePattern(pattern));
      }
    }
  }
  return out;
}
