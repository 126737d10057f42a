import type { ItemTier } from '../content/schema.js';
import type { DepthLevel } from './depth.js';
import type { CandidateLevel, Verdict } from './report.js';

/**
 * How much a missed item counts at each candidate level: a mid-level candidate is not expected to
 * raise staff-level items unprompted, a staff candidate is expected to raise them all.
 */
const LEVEL_WEIGHT: Record<CandidateLevel, Record<ItemTier, number>> = {
  mid: { core: 1, senior: 0.5, staff: 0.25 },
  senior: { core: 1, senior: 1, staff: 0.5 },
  staff: { core: 1, senior: 1, staff: 1 },
};

export function levelWeight(candidate: CandidateLevel, item: ItemTier): number {
  return LEVEL_WEIGHT[candidate][item];
}

/**
 * Credit for an item by the depth of its best claim (see depth.ts): a justified choice earns the
 * item, a stated choice most of it, a term only named about a third; prompting earns half.
 */
export const CREDIT: Record<'covered' | 'prompted', Record<DepthLevel, number>> = {
  covered: { justified: 1, chosen: 0.85, named: 0.35 },
  prompted: { justified: 0.5, chosen: 0.45, named: 0.2 },
};

const BANDS: Array<[number, Verdict]> = [
  [80, 'strong-hire'],
  [65, 'hire'],
  [50, 'lean-hire'],
  [35, 'lean-no-hire'],
];

/** The verdict band of a score, 0 (no hire) to 4 (strong hire), by the thresholds above. */
export function bandOf(score: number): number {
  const index = BANDS.findIndex(([min]) => score >= min);
  return index < 0 ? 0 : BANDS.length - index;
}

/** A major red flag caps the verdict at lean-hire: one serious mistake outweighs breadth. */
export function verdictFor(overall: number, majorFlags: number): Verdict {
  let verdict: Verdict = BANDS.find(([min]) => overall >= min)?.[1] ?? 'no-hire';
  if (majorFlags > 0 && (verdict === 'strong-hire' || verdict === 'hire')) verdict = 'lean-hire';
  return verdict;
}

export const VERDICT_LABEL: Record<Verdict, string> = {
  'strong-hire': 'Strong hire',
  hire: 'Hire',
  'lean-hire': 'Lean hire',
  'lean-no-hire': 'Lean no hire',
  'no-hire': 'No hire',
};
