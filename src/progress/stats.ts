import { STAGES, type StageId } from '../stages.js';
import type { ItemInfo, SessionSummary } from '../store/summary.js';
import { isOwnSession } from './own-sessions.js';
import { byCodeUnits } from '../text/compare.js';

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
 * What `stats` is computed from, as sums over the user's own sessions, so it can be kept up to date one
 * session at a time (added with sign 1, taken away with sign -1) instead of recomputed over every
 * session (store/index-cache.ts keeps one in the session index: item-level counts are kept once, not
 * per session). Every figure of `Stats` is a function of these sums alone (statsFromTotals).
 */
export interface StatsTotals {
  /** Own sessions. */
  sessions: number;
  /** Own sessions with an overall score, and the sum of those scores. */
  scored: number;
  overallSum: number;
  /** Per stage, in stage order: [sum of the stage's scores, how many] over own scored sessions. */
  stages: Array<[number, number]>;
  /** Per item id: [sessions it was missed or ruled out, needed prompting, had it], over own scored sessions. */
  items: Record<string, [number, number, number]>;
  /** Per stage, in stage order: [sessions over its budget, that reached it, ms over in total], over own timed sessions. */
  overBudget: Array<[number, number, number]>;
  /**
   * Whether every value summed was a safe integer, so that the sums are exact whatever the order they
   * were added and taken away in. When false, only totals summed in one pass over the sessions, newest
   * first (totalsOf), give exactly what computeStats gives.
   */
  exact: boolean;
}

/** Totals of no sessions. */
export function emptyTotals(): StatsTotals {
  return { sessions: 0, scored: 0, overallSum: 0, stages: STAGES.map(() => [0, 0]), items: {}, overBudget: STAGES.map(() => [0, 0, 0]), exact: true };
}

type Counted = Pick<SessionSummary, 'kind' | 'candidate' | 'overall' | 'stageScores' | 'notCovered' | 'itemIds' | 'stageMs' | 'budgets'>;

/** Adds one session to the totals (sign 1), or takes it away (sign -1). A session not the user's own (isOwnSession) counts for nothing. */
export function addToTotals(totals: StatsTotals, session: Counted, sign: 1 | -1): void {
  if (!isOwnSession(session)) return;
  totals.sessions += sign;
  if (session.overall !== null) {
    totals.scored += sign;
    totals.overallSum += sign * checked(totals, session.overall);
    for (const [k, stage] of STAGES.entries()) {
      const score = session.stageScores[stage.id];
      if (score === undefined) continue;
      totals.stages[k]![0] += sign * checked(totals, score);
      totals.stages[k]![1] += sign;
    }
    for (const id of session.itemIds) item(totals, id)[2] += sign;
    for (const { id, status } of session.notCovered) item(totals, id)[status === 'prompted' ? 1 : 0] += sign;
    // An item no session counts any more is dropped, so totals kept this way equal totals summed afresh.
    if (sign < 0) for (const id of session.itemIds) if (Object.hasOwn(totals.items, id) && totals.items[id]!.every((n) => n === 0)) delete totals.items[id];
  }
  addTimes(totals, session, sign);
}

function addTimes(totals: StatsTotals, session: Pick<SessionSummary, 'stageMs' | 'budgets'>, sign: 1 | -1): void {
  const { stageMs, budgets } = session;
  if (!stageMs || !budgets) return;
  for (const [k, stage] of STAGES.entries()) {
    const used = stageMs[stage.id];
    const budget = budgets[stage.id];
    if (used === undefined || budget === undefined) continue;
    const over = totals.overBudget[k]!;
    over[1] += sign;
    if (used > budget) {
      over[0] += sign;
      over[2] += sign * checked(totals, used - budget);
    }
  }
}

function item(totals: StatsTotals, id: string): [number, number, number] {
  // Own properties only: an item id such as "constructor" or "__proto__" must not reach Object.prototype.
  if (Object.hasOwn(totals.items, id)) return totals.items[id]!;
  const counts: [number, number, number] = [0, 0, 0];
  Object.defineProperty(totals.items, id, { value: counts, enumerable: true, writable: true, configurable: true });
  return counts;
}

function checked(totals: StatsTotals, value: number): number {
  if (!Number.isSafeInteger(value)) totals.exact = false;
  return value;
}

/**
 * The totals of a list of sessions, summed newest first as given (as computeStats always summed them).
 * Sessions of one rubric set share their item list, and sessions that missed the same items may share
 * one list: items are counted once per list.
 */
export function totalsOf(all: readonly SessionSummary[]): StatsTotals {
  const totals = emptyTotals();
  const perSet = new Map<readonly string[], number>();
  const perMissed = new Map<SessionSummary['notCovered'], number>();
  let overallSum = 0;
  const stageSums = STAGES.map(() => 0);
  for (const session of all) {
    if (!isOwnSession(session)) continue;
    totals.sessions++;
    addTimes(totals, session, 1);
    if (session.overall === null) continue;
    totals.scored++;
    overallSum += checked(totals, session.overall);
    for (const [k, stage] of STAGES.entries()) {
      const score = session.stageScores[stage.id];
      if (score === undefined) continue;
      stageSums[k] = stageSums[k]! + checked(totals, score);
      totals.stages[k]![1]++;
    }
    perSet.set(session.itemIds, (perSet.get(session.itemIds) ?? 0) + 1);
    perMissed.set(session.notCovered, (perMissed.get(session.notCovered) ?? 0) + 1);
  }
  totals.overallSum = overallSum;
  for (const [k, sum] of stageSums.entries()) totals.stages[k]![0] = sum;
  for (const [list, sessions] of perMissed) for (const { id, status } of list) item(totals, id)[status === 'prompted' ? 1 : 0] += sessions;
  for (const [ids, sessions] of perSet) for (const id of ids) item(totals, id)[2] += sessions;
  return totals;
}

/**
 * Averages per stage, the items missed most (of the sessions whose rubrics had them; then those that
 * needed prompting most) and stages over budget, over the user's own sessions. `info` gives the
 * items' labels and hints by id (progress/item-info.ts words them as the rubrics do now).
 */
export function computeStats(all: readonly SessionSummary[], info: ItemInfo, top = 10): Stats {
  return statsFromTotals(totalsOf(all), info, top);
}

/** The stats of sessions from their totals (see computeStats); averages are rounded to whole numbers. */
export function statsFromTotals(totals: StatsTotals, info: ItemInfo, top = 10): Stats {
  const stages = STAGES.map((stage, k) => {
    const [sum, count] = totals.stages[k]!;
    return { id: stage.id, title: stage.title, average: count > 0 ? mean(sum, count) : null, count };
  });
  const missed: MissedItem[] = Object.entries(totals.items)
    .filter(([, [m, p]]) => m > 0 || p > 0)
    .map(([id, [m, p, seen]]) => ({ id, label: info[id]?.label ?? id, hint: info[id]?.hint ?? '', missed: m, prompted: p, seen }))
    .sort((a, b) => b.missed - a.missed || b.missed / b.seen - a.missed / a.seen || b.prompted - a.prompted || byCodeUnits(a.id, b.id))
    .slice(0, top);
  const overBudget = STAGES.map((stage, k) => {
    const [over, reached, overMs] = totals.overBudget[k]!;
    return { id: stage.id, title: stage.title, over, reached, averageOverMs: over > 0 ? Math.round(overMs / over) : 0 };
  }).filter((s) => s.over > 0);
  return {
    sessions: totals.sessions,
    scored: totals.scored,
    averageOverall: totals.scored > 0 ? mean(totals.overallSum, totals.scored) : null,
    stages,
    missed,
    overBudget,
  };
}

function mean(sum: number, count: number): number {
  return count === 0 ? 0 : Math.round(sum / count);
}
