import type { Token } from '../reading/tokens.js';

/**
 * A rate said with its present value: "the click rate is about 1%", "CTR of 0.5%", "a 2% conversion
 * rate", "the open rate sits around 4 percent". That describes the data (how rare the positives are,
 * what the product does today), not a metric chosen to judge the model: for an item marked
 * `valuesAreData` (rubric format) such a hit earns nothing. A rate named with a role in its clause
 * ("online metric: CTR, about 1% today"), or with a change ("a 2% CTR lift", "CTR up 2%"), stays a
 * metric. Pure: tokens in, a yes or no out.
 */

/** Words that may stand between a rate and its value: a copula, a preposition of value, a hedge. */
const TO_VALUE = new Set([
  'is', 'are', 'was', 'were', 'be', 'sits', 'sit', 'runs', 'run', 'stands', 'hovers', 'averages', 'of', 'at', 'around',
  'about', 'roughly', 'approximately', 'approx', 'circa', 'ca', 'only', 'just', 'typically', 'usually', 'currently',
  'today', 'now', 'near', 'nearly', 'close', 'to', 'somewhere', 'like', 'maybe', 'perhaps', 'some', 'a', 'an',
]);
/** How many TO_VALUE words may stand between a rate and its value ("is currently about 1%"). */
const MAX_BETWEEN = 4;
/** Words after a value and its rate that make it a change or a target: "a 2% CTR lift". */
const CHANGE = new Set(['lift', 'lifts', 'uplift', 'increase', 'increases', 'gain', 'gains', 'improvement', 'improvements', 'drop', 'drops', 'decline', 'change', 'delta', 'boost', 'target', 'goal']);
/**
 * Words in the rate's clause that give it a role as a measure of the launch ("online metric: CTR, about
 * 1% today", "we track CTR, about 1% now"), or a change ("raise CTR from 1% to 1.2%"): then it is a metric.
 */
const ROLE = new Set([
  'metric', 'metrics', 'kpi', 'kpis', 'measure', 'measures', 'measured', 'measuring', 'track', 'tracks', 'tracked',
  'tracking', 'watch', 'watched', 'online', 'experiment', 'experiments', 'test', 'treatment', 'control', 'primary',
  'secondary', 'guardrail', 'guardrails', 'lift', 'uplift', 'improve', 'improves', 'raise', 'raises', 'increase',
  'increases', 'grow', 'grows', 'boost', 'optimize', 'optimise', 'optimizes', 'maximize', 'maximise', 'target', 'goal',
  'success', 'from', 'up', 'down', 'by', 'vs', 'versus', 'against', 'compare', 'compared',
]);

const NUMBER = /^\p{N}+$/u;

/**
 * Whether tokens [start, end) (a rate's name) are said with the rate's present value and no role
 * in their clause: "the ctr is about 1 percent" (tokens as the reader leaves them: "1%" reads as
 * "1 percent", "click rate" as "ctr").
 */
export function statesValue(tokens: readonly Token[], start: number, end: number): boolean {
  const [first, last] = clauseAround(tokens, start, end);
  for (let i = first; i < last; i++) if (i < start || i >= end) if (ROLE.has(tokens[i]!.raw)) return false;
  // The value after the rate: "ctr is about 1 percent", "ctr of 0 5 percent", "ctr 1 percent".
  let i = end;
  let between = 0;
  while (i < last && between <= MAX_BETWEEN && TO_VALUE.has(tokens[i]!.raw)) {
    i++;
    between++;
  }
  if (i < last && between <= MAX_BETWEEN && NUMBER.test(tokens[i]!.raw)) return true;
  // The value before it: "a 2 percent conversion rate", "a 1 percent ctr", unless a change follows.
  let j = start - 1;
  if (j >= first && tokens[j]!.raw === 'percent') j--;
  if (j >= first && j < start - 1 && NUMBER.test(tokens[j]!.raw)) return !(end < last && CHANGE.has(tokens[end]!.raw));
  return false;
}

/** The clause (between commas or hard separators) around tokens [start, end), as [first, last). */
function clauseAround(tokens: readonly Token[], start: number, end: number): [number, number] {
  let first = start;
  while (first > 0 && tokens[first]!.sep !== 'comma' && tokens[first]!.sep !== 'hard') first--;
  let last = Math.max(end, first + 1);
  while (last < tokens.length && tokens[last]!.sep !== 'comma' && tokens[last]!.sep !== 'hard') last++;
  return [first, last];
}
