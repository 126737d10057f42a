import type { Token } from '../reading/tokens.js';

/**
 * Where one clause of a sentence ends and the next begins without a hard boundary: ", so we retrain",
 * ", but the heavy model", ", and we", "because we" (a semicolon is a hard boundary already). A
 * concept's words (reading/lexicon.ts) must stand in one clause: "we train daily, so its predictions
 * stay fresh" names training in one clause and predictions in the next, which is no model trained on
 * its own predictions (scoring/phrase.ts, MatchIndex.joinBetween).
 */

/** Conjunctions of consequence, contrast and reason that open a clause of their own after a comma. */
const JOINS = new Set([
  'so', 'but', 'because', 'since', 'however', 'although', 'though', 'whereas', 'while', 'yet', 'therefore', 'thus', 'hence',
  'instead', 'otherwise',
]);
/**
 * Subjects that open a clause after a join ("so we", ", and we"). Not after a bare comma: "For data,
 * I'd chunk the articles" opens the main clause after a fronted phrase, and "do the money, it sets the
 * thresholds" goes on about the same thing.
 */
const SUBJECTS = new Set(['we', 'i', 'you', 'they', 'he', 'she', 'it']);

/**
 * Whether the token at `k` opens a new clause: a join word after a comma (", so", ", but"), "and" or
 * "or" after a comma before a subject (", and we"), or a join word of consequence or reason right
 * before a subject without a comma ("so we", "because they").
 */
export function opensClause(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k]!;
  const next = tokens[k + 1];
  const subjectNext = !!next && next.sep === 'space' && SUBJECTS.has(next.raw);
  if (t.sep === 'comma') return JOINS.has(t.raw) || ((t.raw === 'and' || t.raw === 'or') && subjectNext);
  return t.sep === 'space' && (t.raw === 'so' || t.raw === 'because' || t.raw === 'therefore' || t.raw === 'hence' || t.raw === 'thus') && subjectNext;
}
