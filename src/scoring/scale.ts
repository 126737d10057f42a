import type { StageId } from '../stages.js';
import { applyMap } from './fit.js';
import type { CandidateLevel } from './report.js';
import { SCALE } from './scale-parameters.js';
import type { ScaleParameters } from './scale-shape.js';

/**
 * The calibrated scale: maps what the checklist measured (coverage with depth, and mistakes) onto
 * the interviewers' 0-100 scale (80 strong hire, 65 hire, 50 lean hire, 35 lean no hire).
 *
 * - A stage's coverage (0-100, the weighted share of its items earned, each by the depth of its best
 *   claim) goes through the monotone map `stage`; each major mistake made in that stage then takes
 *   `stageMistake` points off it.
 * - The answer's coverage (the stages' coverage weighted by their minutes in a 45-minute interview)
 *   goes through the monotone map `overall`; each mistake then takes `mistake.major` or
 *   `mistake.minor` points off.
 * - Levels: the coverage is computed with the level's item weights, then shifted by `levelShift`
 *   points (up for mid, down for staff) before the map; a level never scores an answer above the
 *   level below it (staff <= senior <= mid). The shift up is at most the coverage itself, so an
 *   answer that earned nothing scores 0 at every level, and a little earned is not worth the shift.
 *
 * Both maps are isotonic regressions fitted on the calibration corpus by `npm run fit-scale`
 * (scripts/fit-scale.mjs), which also chooses the penalties; the numbers live in
 * scale-parameters.ts, generated, and the method is in the README ("How scoring works").
 */
export type { ScaleParameters };

/** Mistakes counted for the scale: all of them, and the major ones per stage. */
export interface MistakeCounts {
  major: number;
  minor: number;
  majorByStage: Partial<Record<StageId, number>>;
}

const clamp = (x: number) => Math.max(0, Math.min(100, x));

/** A stage's calibrated score (0-100, rounded) from its coverage and the major mistakes made in it; the stage's own map when fitted. */
export function calibratedStage(coverage: number, majorMistakes: number, stage?: StageId, scale: ScaleParameters = SCALE): number {
  const map = (stage && scale.stages?.[stage]) || scale.stage;
  return Math.round(clamp(applyMap(map, coverage) - scale.stageMistake * majorMistakes));
}

const LEVEL_SIGN: Record<CandidateLevel, number> = { mid: 1, senior: 0, staff: -1 };

/**
 * The calibrated overall score (0-100, unrounded) from the answer's coverage at a level and its
 * mistakes. Pure; monotone non-decreasing in coverage, non-increasing in mistakes.
 */
export function calibratedOverall(coverage: number, mistakes: Pick<MistakeCounts, 'major' | 'minor'>, level: CandidateLevel, scale: ScaleParameters = SCALE): number {
  // Up by at most what was earned: nothing earned stays nothing at mid (continuous and monotone still).
  const shift = LEVEL_SIGN[level] > 0 ? Math.min(scale.levelShift, Math.max(0, coverage)) : LEVEL_SIGN[level] * scale.levelShift;
  const shifted = coverage + shift;
  return clamp(applyMap(scale.overall, shifted) - scale.mistake.major * mistakes.major - scale.mistake.minor * mistakes.minor);
}

/**
 * The overall score at every level, ordered: staff <= senior <= mid. `coverageAt` gives the answer's
 * coverage with that level's item weights. Rounded to whole points.
 */
export function overallByLevel(
  coverageAt: (level: CandidateLevel) => number,
  mistakes: Pick<MistakeCounts, 'major' | 'minor'>,
  scale: ScaleParameters = SCALE,
): Record<CandidateLevel, number> {
  const senior = calibratedOverall(coverageAt('senior'), mistakes, 'senior', scale);
  const mid = Math.max(senior, calibratedOverall(coverageAt('mid'), mistakes, 'mid', scale));
  const staff = Math.min(senior, calibratedOverall(coverageAt('staff'), mistakes, 'staff', scale));
  return { mid: Math.round(mid), senior: Math.round(senior), staff: Math.round(staff) };
}
