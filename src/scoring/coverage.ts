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
  return STAGES.reduce((sum, s) => sum + stageCoverage(items, s.id, level) * (s.minutes45 / TOTAL_MINUTES_45), 0);
}
