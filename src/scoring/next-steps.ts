import { STAGES, TOTAL_MINUTES_45, type StageId } from '../stages.js';
import type { CandidateLevel, ItemResult, NextStep, RedFlagResult } from './report.js';
import { calibratedOverall, type MistakeCounts } from './scale.js';
import { levelWeight } from './verdict.js';

/**
 * The changes that would raise the overall score most: fixing a mistake, covering a missed item, or
 * deepening an item only named or chosen to a justified one. Each change's gain is measured on the
 * calibrated scale (scale.ts): the overall score with the change minus the score without it. Pure.
 */
export function nextSteps(
  items: readonly ItemResult[],
  mistakes: readonly RedFlagResult[],
  counts: MistakeCounts,
  level: CandidateLevel,
  limit = 3,
): NextStep[] {
  const stageTotal = new Map<StageId, number>();
  for (const item of items) stageTotal.set(item.stage, (stageTotal.get(item.stage) ?? 0) + item.weight * levelWeight(level, item.level));
  const minutes = new Map(STAGES.map((s) => [s.id, s.minutes45]));
  const coverage = items.reduce((sum, item) => sum + contribution(item, item.credit), 0);
  function contribution(item: ItemResult, credit: number): number {
    const total = stageTotal.get(item.stage) ?? 0;
    if (total === 0) return 0;
    return ((100 * item.weight * levelWeight(level, item.level) * credit) / total) * ((minutes.get(item.stage) ?? 0) / TOTAL_MINUTES_45);
  }
  const now = calibratedOverall(coverage, counts, level);
  const candidates: Array<NextStep & { raw: number }> = [];
  for (const flag of mistakes) {
    const fewer = { ...counts, [flag.severity]: Math.max(0, counts[flag.severity] - 1) };
    const gain = calibratedOverall(coverage, fewer, level) - now;
    candidates.push({ kind: 'mistake', id: flag.id, label: flag.label, stage: flag.stage, gain: round1(gain), advice: flag.why, evidence: flag.evidence, raw: 100 });
  }
  for (const item of items) {
    if (item.credit >= 1) continue;
    const raw = contribution(item, 1) - contribution(item, item.credit);
    if (raw <= 0) continue;
    const gain = calibratedOverall(coverage + raw, counts, level) - now;
    const kind = item.status === 'covered' || item.status === 'prompted' ? 'deepen' : 'missed';
    const advice = kind === 'deepen' ? `Say why: give the reason, the number or the alternative you weighed. ${item.hint}` : item.hint;
    candidates.push({ kind, id: item.id, label: item.label, stage: item.stage, gain: round1(gain), advice, evidence: kind === 'deepen' ? item.evidence : null, raw });
  }
  // Largest gain first; where the map is flat, the larger coverage gain.
  candidates.sort((a, b) => b.gain - a.gain || b.raw - a.raw);
  return candidates.slice(0, limit).map(({ raw: _raw, ...step }) => step);
}

const round1 = (x: number) => Math.round(x * 10) / 10;
