import type { Token } from '../reading/tokens.js';

/**
 * Words that open another part of a clause, with a claim of its own: "accuracy is the primary metric
 * and PR AUC is secondary", "we measure accuracy but choose models by log loss", "accuracy decides,
 * with recall tracked as well".
 */
const PART_OPENERS = new Set(['and', 'but', 'while', 'whilst', 'whereas', 'with', 'though', 'although', 'yet', 'plus', 'also']);
/** Conjunctions that, right next to a match, join it to another noun of the same role ("accuracy and PR AUC are our metrics"). */
const COORDINATORS = new Set(['and', 'or']);

/** Verbs that make a run of words a clause of its own: forms of "be", auxiliaries, and the verbs a ranking uses. */
const VERBS = new Set([
  'is', 'are', 'was', 'were', 'be', 'been', 'will', 'would', 'should', 'can', 'could', 'must', 'may', 'might', 'do', 'does',
  'decides', 'decide', 'serves', 'serve', 'stays', 'remains', 'matters', 'counts', 'breaks', 'gates',
]);

/** Words that open a relative clause: a verb after one is the relative clause's ("bookings that come from it"). */
const RELATIVES = new Set(['that', 'which', 'who', 'whose', 'where']);

function hasVerb(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    if (RELATIVES.has(tokens[k]!.raw)) return false;
    if (VERBS.has(tokens[k]!.raw)) return true;
  }
  return false;
}

/** The end of the run of words from `from`: the next comma or part opener, or the clause's end. */
function runEnd(tokens: readonly Token[], from: number, end: number): number {
  let k = from;
  while (k < end && tokens[k]!.sep !== 'comma' && !PART_OPENERS.has(tokens[k]!.raw)) k++;
  return k;
}

/**
 * The part of a clause [start, end) (token range) that a match [at, to) stands in: the clause cut at
 * commas and at words that open another part (PART_OPENERS, the opener starting the later part). An
 * "and" or "or" cuts only where the words on both sides have a verb of their own (VERBS, not one of a
 * relative clause), and a comma right next to the match likewise: in "our metrics are accuracy and PR
 * AUC", "the main metrics are CTR on the row and the bookings that come from it" or "PR AUC, accuracy
 * and recall are reported" the match shares its part with the nouns listed with it; in "accuracy is
 * the primary metric and PR AUC is secondary" PR AUC has a part of its own. Returns a
 * token range [first, last) within the clause. Pure.
 */
export function partOf(tokens: readonly Token[], [start, end]: readonly [number, number], [at, to]: readonly [number, number]): [number, number] {
  const twoClauses = (joint: number) => hasVerb(tokens, start, joint) && hasVerb(tokens, joint + 1, runEnd(tokens, joint + 1, end));
  let first = at;
  while (first > start) {
    if (tokens[first]!.sep === 'comma' && (first !== at || twoClauses(first - 1))) break;
    const previous = tokens[first - 1]!.raw;
    if (PART_OPENERS.has(previous) && !(COORDINATORS.has(previous) && !twoClauses(first - 1))) {
      first--;
      break;
    }
    first--;
  }
  let last = to;
  while (last < end) {
    const token = tokens[last]!;
    if (token.sep === 'comma' && (last !== to || twoClauses(last - 1))) break;
    if (PART_OPENERS.has(token.raw) && !(COORDINATORS.has(token.raw) && !twoClauses(last))) break;
    last++;
  }
  return [first, last];
}
