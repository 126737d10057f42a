import type { Token } from '../reading/tokens.js';
import { startsVerbPhrase } from '../reading/verbs.js';

/**
 * Corrections that name other work a matched job does (a red flag with `otherWork: true`): "the model
 * is retrained by a nightly batch job" is no batch scoring, but "we batch-score and retrain nightly"
 * and "a nightly batch job scores the payments and refreshes the aggregates" still score in batch.
 * Other work clears the trigger only when it is all the job does: the trigger's own part of the
 * clause holds a correction, and so does every verb phrase joined to it.
 */

/** Words that join the parts of what one subject does ("scores payments and refreshes aggregates"). */
const JOINS = new Set(['and', 'or', 'plus', 'then']);
/** Words that open another clause, with a subject of its own: what is said there is not the job's work. */
const CLAUSE_OPENERS = new Set([
  'but', 'so', 'because', 'however', 'although', 'though', 'whereas', 'yet', 'while', 'which', 'since',
  'therefore', 'thus', 'hence', 'instead', 'otherwise', 'unless', 'until', 'if', 'when', 'where', 'once',
]);
const PRONOUNS = new Set(['we', 'i', 'you', 'they', 'it', 'he', 'she']);

/**
 * Whether the corrections (token ranges [start, end), standing ones only) clear the trigger at
 * [start, end) of `tokens` as other work, within its clause [clauseStart, clauseEnd). The trigger's
 * run is its clause cut at another clause's opener ("while", "but", "and we"); the run's parts are cut
 * at "and", "or", "plus", "then". The trigger's part must hold a correction, and so must every other
 * part that opens a verb phrase ("and scores the payments"); a part that joins a noun ("and
 * aggregates") is the same work's object.
 */
export function onlyOtherWork(
  tokens: readonly Token[],
  [clauseStart, clauseEnd]: readonly [number, number],
  [start, end]: readonly [number, number],
  corrections: ReadonlyArray<readonly [number, number]>,
): boolean {
  // A clause of its own starts at token i: "while", "but", "and we", ", we".
  const cut = (i: number): boolean => {
    const word = tokens[i]!.raw;
    if (CLAUSE_OPENERS.has(word)) return true;
    if (JOINS.has(word)) return PRONOUNS.has(tokens[i + 1]?.raw ?? '');
    return tokens[i]!.sep === 'comma' && PRONOUNS.has(word);
  };
  let runStart = start;
  while (runStart > clauseStart && !cut(runStart)) runStart--;
  let runEnd = end;
  while (runEnd < clauseEnd && !cut(runEnd)) runEnd++;
  // The parts of the run: [from, to) cut before each join.
  const parts: Array<[number, number]> = [];
  let from = runStart;
  for (let i = runStart; i < runEnd; i++) {
    if (i > from && JOINS.has(tokens[i]!.raw) && !(i >= start && i < end)) {
      parts.push([from, i]);
      from = i;
    }
  }
  parts.push([from, runEnd]);
  const corrected = ([a, b]: readonly [number, number]) => corrections.some(([s, e]) => s >= a && e <= b);
  return parts.every(([a, b]) => {
    const own = a <= start && end <= b;
    if (own) return corrected([a, b]);
    const verb = JOINS.has(tokens[a]!.raw) && tokens[a + 1] !== undefined && startsVerbPhrase(tokens[a + 1]!.raw, tokens[a + 2]?.raw ?? '');
    return !verb || corrected([a, b]);
  });
}
