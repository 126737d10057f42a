import { stemWord } from '../scoring/stem.js';
import { TASK_NAMES } from './lexicon.js';
import type { Token } from './tokens.js';

const NOUNS: ReadonlySet<string> = new Set(TASK_NAMES.nouns);
const QUALIFIERS: ReadonlySet<string> = new Set(TASK_NAMES.qualifiers);
const BEFORE: ReadonlySet<string> = new Set(TASK_NAMES.before);
const AFTER: ReadonlySet<string> = new Set(TASK_NAMES.after);
const PROBLEM_STEM = stemWord('problem');

/** Whether a token starts a clause: the first of the claim, or after a comma, colon, dash or full stop. */
function opensClause(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  return i === 0 || t.sep === 'hard' || t.sep === 'comma';
}

/**
 * A claim's tokens with "problem" read after each task name that stands as a noun of its own
 * (lexicon.ts, TASK_NAMES): "Regression of delivery minutes" reads "regression problem of delivery
 * minutes", so the rubric phrase "regression problem" finds it; "logistic regression of ..." and
 * "a regression test" read as written. Pure, linear; returns the same array when nothing changes.
 */
export function withTaskNames(tokens: Token[]): Token[] {
  let out: Token[] | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    out?.push(t);
    if (!NOUNS.has(t.raw) || t.context) continue;
    // What stands before the name, a qualifier of the task ("binary", "object") left aside.
    let k = i;
    if (k > 0 && !opensClause(tokens, k) && QUALIFIERS.has(tokens[k - 1]!.raw)) k--;
    const free = opensClause(tokens, k) || BEFORE.has(tokens[k - 1]!.raw);
    const next = tokens[i + 1];
    const ends = !next || next.sep === 'hard' || next.sep === 'comma' || AFTER.has(next.raw);
    if (!free || !ends) continue;
    out ??= tokens.slice(0, i + 1);
    out.push({ raw: 'problem', stem: PROBLEM_STEM, sep: 'space', sentence: t.sentence });
  }
  return out ?? tokens;
}
