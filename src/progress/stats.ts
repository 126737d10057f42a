import type { ScoreReport } from '../scoring/report.js';
import { STAGES, type StageId } from '../stages.js';
import type { SessionRecord } from '../store/session.js';

/** Aggregations over saved sessions: pure, so `stats` and its tests share them. */

export interface StageAverage {
  id: StageId;
  title: string;
  average: number;
  count: number;
}

export interface MissedItem {
  id: string;
  label: string;
  hint: string;
  /** Sessions where the item was missed, ruled out or needed prompting. */
  missed: number;
  /** Sessions whose rubrics had the item. */
  seen: number;
}

export interface OverBudget {
  id: StageId;
  title: string;
  /** Practice sessions that ran over this stage's budget. */
  over: number;
  /** Practice sessions that reached the stage. */
  reached: number;
  averageOverMs: number;
}

export interface Stats {
  sessions: number;
  scored: number;
  averageOverall: number | null;
  stages: StageAverage[];
  missed: MissedItem[];
  overBudget: OverBudget[];
}

export function computeStats(records: readonly SessionRecord[], top = 10): Stats {
  const reports = records.map((r) => r.report).filter((r): r is ScoreReport => !!r);
  const stages = STAGES.map((stage) => {
    const scores = reports.map((r) => r.stages.find((s) => s.id === stage.id)?.score).filter((s): s is number => s !== undefined);
    return { id: stage.id, title: stage.title, average: mean(scores), count: scores.length };
  });
  const items = new Map<string, MissedItem>();
  for (const report of reports) {
    for (const item of report.stages.flatMap((s) => s.items)) {
      const entry = items.get(item.id) ?? { id: item.id, label: item.label, hint: item.hint, missed: 0, seen: 0 };
      entry.seen++;
      if (item.status !== 'covered') entry.missed++;
      items.set(item.id, entry);
    }
  }
  const missed = [...items.values()]
    .filter((i) => i.missed > 0)
    .sort((a, b) => b.missed - a.missed || b.missed / b.seen - a.missed / a.seen || a.id.localeCompare(b.id))
    .slice(0, top);
  const practices = records.filter((r) => r.interview);
  const overBudget = STAGES.map((stage) => {
    let over = 0;
    let reached = 0;
    let overMs = 0;
    for (const r of practices) {
      const used = r.interview!.stageMs[stage.id];
      if (used === undefined) continue;
      reached++;
      const excess = used - r.interview!.budgets[stage.id];
      if (excess > 0) {
        over++;
        overMs += excess;
      }
    }
    return { id: stage.id, title: stage.title, over, reached, averageOverMs: over > 0 ? Math.round(overMs / over) : 0 };
  }).filter((s) => s.over > 0);
  return {
    sessions: records.length,
    scored: reports.length,
    averageOverall: reports.length > 0 ? mean(reports.map((r) => r.overall)) : null,
    stages,
    missed,
    overBudget,
  };
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : Math.round(values.reduce((a, b) => a + b, 0) / values.length);
}
