import { analyze, type Analysis } from './analyze.js';
import type { CompiledItem } from './compile.js';
import { contentStems } from './topics.js';

/**
 * Whether a candidate's answer to an item's follow-up earns that item (as needed prompting) in their own
 * words, when none of the item's phrases says it. Pure: text analyses and compiled items in, a boolean out.
 */

const NON_ANSWERS = /\b(?:do not know|not sure|no idea|pass|skip|not familiar|can not say|would not know)\b/;
/** Fewer tokens than this is no answer ("yes, daily"). */
const FOLLOW_UP_MIN_TOKENS = 6;

/** A follow-up answer that says something: a statement of some length, not "I don't know". */
export function saysSomething(analysis: Analysis): boolean {
  const { tokens, sentences } = analysis;
  if (tokens.length < FOLLOW_UP_MIN_TOKENS || !sentences.some((s) => s.statement)) return false;
  return !NON_ANSWERS.test(tokens.slice(0, 12).map((t) => t.raw).join(' '));
}

/**
 * The words of a scope's items (content stems of each item's label, hint, why, follow-up question and
 * phrases), and in how many items each word is: its document frequency, as in information retrieval.
 */
interface ItemWords {
  byItem: Map<string, Set<string>>;
  df: Map<string, number>;
}

const wordsOfScope = new WeakMap<readonly CompiledItem[], ItemWords>();

function itemWords(items: readonly CompiledItem[]): ItemWords {
  let known = wordsOfScope.get(items);
  if (known) return known;
  const byItem = new Map<string, Set<string>>();
  const df = new Map<string, number>();
  for (const compiled of items) {
    const { label, hint, why, followUp } = compiled.item;
    const prose = analyze([label, hint, why, followUp ?? ''].join('\n')).tokens;
    const phraseTokens = compiled.phrases.flatMap((p) => (p.concept ? [] : p.tokens.filter((t) => !t.wildcard)));
    const words = new Set(contentStems([...prose, ...phraseTokens]));
    byItem.set(compiled.item.id, words);
    for (const w of words) df.set(w, (df.get(w) ?? 0) + 1);
  }
  known = { byItem, df };
  wordsOfScope.set(items, known);
  return known;
}

/**
 * A word of an item's text is specific to it when at most this share of the scope's items have it (at
 * least two items may share one): in fraud-detection "loss", "drift" and "baseline" are, "train",
 * "model" and "data" are not.
 */
const SPECIFIC_SHARE = 0.1;

/**
 * Whether an answer to `compiled`'s follow-up is about that item, read in the candidate's own words. It
 * must say something (`saysSomething`). When it also covers other items by their phrases (`covered`: the
 * ids the caller read), it must share a word specific to the asked item's text (label, hint, why,
 * follow-up question, phrases; SPECIFIC_SHARE): "we keep training and serving features consistent with a
 * feature store", given to the loss-function follow-up, is about training-serving skew and earns that item
 * only, while "a plain count of past clicks is the reference the trees must beat" is still the baseline
 * asked about. An answer that covers no other item is read as the candidate's own words for the item asked.
 */
export function answersFollowUp(analysis: Analysis, compiled: CompiledItem, items: readonly CompiledItem[], covered: () => readonly string[]): boolean {
  if (!saysSomething(analysis)) return false;
  if (covered().every((id) => id === compiled.item.id)) return true;
  const { byItem, df } = itemWords(items);
  const most = Math.max(2, Math.floor(SPECIFIC_SHARE * items.length));
  const words = byItem.get(compiled.item.id);
  return !!words && contentStems(analysis.tokens).some((w) => words.has(w) && df.get(w)! <= most);
}
