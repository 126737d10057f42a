import { STAGES, type StageId } from '../stages.js';
import type { ItemInfo, SessionSummary } from '../store/summary.js';
import { isOwnSession } from './own-sessions.js';

/** Aggregations over saved sessions: pure, so `stats` and its tests share them. */

export interface StageAverage {
  id: StageId;
  title: string;
  /** The mean of `count` stage scores, rounded; null when there are none (an average of nothing). */
  average: number | null;
  count: number;
}

export interface MissedItem {
  id: string;
  label: string;
  hint: string;
  /** Sessions where the item was missed or ruled out. */
  missed: number;
  /** Sessions where it was covered only after the interviewer's follow-up (half credit). */
  prompted: number;
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
  /** The user's own sessions: peer interviews the user marked as the interviewer are left out (see isOwnSession). */
  sessions: number;
  scored: number;
  averageOverall: number | null;
  stages: StageAverage[];
  missed: MissedItem[];
  overBudget: OverBudget[];
}

/**
 * Averages per stage, the items missed most (of the sessions whose rubrics had them; then those that
 * needed prompting most) and stages over budget, over the user's own sessions. `info` gives the
 * items' labels and hints by id (progress/item-info.ts words them as the rubrics do now).
 */
export function computeStats(all: readonly SessionSummary[], info: ItemInfo, top = 10): Stats {
  const sessions = all.filter(isOwnSession);
  const scored = sessions.filter((s) => s.overall !== null);
  const stages = STAGES.map((stage) => {
    const scores = scored.map((s) => s.stageScores[stage.id]).filter((v): v is number => v !== undefined);
    return { id: stage.id, title: stage.title, average: scores.length > 0 ? mean(scores) : null, count: scores.length };
  });
  const items = new Map<string, MissedItem>();
  const entry = (id: string) => {
    let found = items.get(id);
    if (!found) items.set(id, (found = { id, label: info[id]?.label ?? id, hint: info[id]?.hint ?? '', missed: 0, prompted: 0, seen: 0 }));
    return found;
  };
  // Sessions of one rubric set share their item list: count sessions per list, then items once per list.
  // Likewise sessions that missed the same items may share one list.
  const perSet = new Map<readonly string[], number>();
  const perMissed = new Map<SessionSummary['notCovered'], number>();
  for (const session of scored) {
    perSet.set(session.itemIds, (perSet.get(session.itemIds) ?? 0) + 1);
    perMissed.set(session.notCovered, (perMissed.get(session.notCovered) ?? 0) + 1);
  }
  for (const [list, sessions] of perMissed) {
    for (const { id, status } of list) {
      if (status === 'prompted') entry(id).prompted += sessions;
      else entry(id).missed += sessions;
    }
  }
  for (const [ids, sessions] of perSet) for (const id of ids) entry(id).seen += sessions;
  const missed = [...items.values()]
    .filter((i) => i.missed > 0 || i.prompted > 0)
    .sort((a, b) => b.missed - a.missed || b.missed / b.seen - a.missed / a.seen || b.prompted - a.prompted || a.id.localeCompare(b.id))
    .slice(0, top);
  const practices = sessions.flatMap((s) => {
    const { stageMs, budgets } = s;
    return stageMs && budgets ? [{ stageMs, budgets }] : [];
  });
  const overBudget = STAGES.map((stage) => {
    let over = 0;
    let reached = 0;
    let overMs = 0;
    for (const s of practices) {
      const used = s.stageMs[stage.id];
      const budget = s.budgets[stage.id];
      if (used === undefined || budget === undefined) continue;
      reached++;
      if (used > budget) {
        over++;
        overMs += used - budget;
      }
    }
    return { id: stage.id, title: stage.title, over, reached, averageOverMs: over > 0 ? Math.round(overMs / over) : 0 };
  }).filter((s) => s.over > 0);
  return {
    sessions: sessions.length,
    scored: scored.length,
    averageOverall: scored.length > 0 ? mean(scored.map((s) => s.overall!)) : null,
    stages,
    missed,
    overBudget,
  };
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : Math.round(values.reduce((a, b) => a + b, 0) / values.length);
}
