import { STAGES, TOTAL_MINUTES_45, type StageId } from '../stages.js';
import type { CandidateLevel, ItemResult } from './report.js';
import { levelWeight } from './verdict.js';

/**
 * Coverage: what the calibrated scale (scale.ts) reads. One definition for the scorer and for the peer
 * interviewer's marks, so a scored answer and a marked interview land on the same scale.
 */

/**
 * A stage's coverage, 0-100: the share of its items' weight earned, each item weighted by its rubric
 * weight times the level's weight for the item's level (verdict.ts `levelWeight`) and earning its
 * `credit` (0-1). 0 for a stage without items.
 */
export function stageCoverage(items: readonly Pick<ItemResult, 'stage' | 'weight' | 'level' | 'credit'>[], stage: StageId, level: CandidateLevel): number {
  let total = 0;
  let earned = 0;
  for (const item of items) {
    if (item.stage !== stage) continue;
    const weight = item.weight * levelWeight(level, item.level);
    total += weight;
    earned += weight * item.credit;
  }
  return total > 0 ? (100 * earned) / total : 0;
}

/** The answer's coverage, 0-100: the stages' coverage weighted by their minutes in a 45-minute interview (stages.ts). */
export function answerCoverage(items: readonly Pick<ItemResult, 'stage' | 'weight' | 'level' | 'credit'>[], level: CandidateLevel): number {
  // One pass over the items, summing each stage's weights in the order stageCoverage does (the same figures).
  const total = new Map<StageId, number>();
  const earned = new Map<StageId, number>();
  for (const item of items) {
    const weight = item.weight * levelWeight(level, item.level);
    total.set(item.stage, (total.get(item.stage) ?? 0) + weight);
    earned.set(item.stage, (earned.get(item.stage) ?? 0) + weight * item.credit);
  }
  let sum = 0;
  for (const s of STAGES) {
    const stageTotal = total.get(s.id) ?? 0;
    const coverage = stageTotal > 0 ? (100 * earned.get(s.id)!) / stageTotal : 0;
    sum += coverage * (s.minutes45 / TOTAL_MINUTES_45);
  }
  return sum;
}
