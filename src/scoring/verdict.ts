import type { Level } from '../content/schema.js';
import type { CandidateLevel, Verdict } from './report.js';

/**
 * How much a missed item counts at each candidate level: a mid-level candidate is not expected to
 * raise staff-level items unprompted, a staff candidate is expected to raise them all.
 */
const LEVEL_WEIGHT: Record<CandidateLevel, Record<Level, number>> = {
  mid: { core: 1, senior: 0.5, staff: 0.25 },
  senior: { core: 1, senior: 1, staff: 0.5 },
  staff: { core: 1, senior: 1, staff: 1 },
};

export function levelWeight(candidate: CandidateLevel, item: Level): number {
  return LEVEL_WEIGHT[candidate][item];
}

/** Credit for an item: an explained term earns more than a listed one, prompting earns half. */
export const CREDIT = {
  covered: { statement: 1, mention: 0.35 },
  prompted: { statement: 0.5, mention: 0.2 },
} as const;

export const PENALTY = { major: 8, minor: 3 } as const;

const BANDS: Array<[number, Verdict]> = [
  [80, 'strong-hire'],
  [65, 'hire'],
  [50, 'lean-hire'],
  [35, 'lean-no-hire'],
];

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
