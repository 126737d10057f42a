import { STAGE_IDS } from '../stages.js';
import type { StatsTotals } from '../progress/stats.js';

/**
 * The seal: the last line of the session index, `{"seal":"<SHA-256 hex>","totals":{...},"live":[...],
 * "sorted":true,"scored":{...},"prompts":{...},"oddTimes":0}`. The hash is of every byte before the line, so an index whose seal matches is exactly as
 * mlsd wrote it: not cut short, not edited, not two appends interleaved. It also holds what a run would
 * otherwise read every row for: the stats totals of every row (progress/stats.ts), so `stats` reads no
 * row; the files of sessions still in progress (which mlsd may rewrite, so they are checked on every run);
 * whether the rows are oldest first in the file; and how many sessions and scored sessions each prompt
 * has and whether every time is in mlsd's own form (so `history` and `stats` stop reading rows once
 * they have what they need). Checked here by hand: reading a sealed index loads no
 * schema library.
 */

/** What a seal holds besides its hash. */
export interface SealFacts {
  totals: StatsTotals;
  /** File names of the sessions in progress (status active or interrupted). */
  live: string[];
  /** Whether the rows, in the order the index first listed their files, are oldest first (by time, then id). */
  sorted: boolean;
  /** Sessions with an overall score, by prompt, over every row (history's trend lines: ui/history.ts). */
  scored: Record<string, number>;
  /** Sessions by prompt, over every row (stats' wording of items: progress/item-info.ts). */
  prompts: Record<string, number>;
  /** Rows whose time is not in the form Date#toISOString writes (UTC, milliseconds). */
  oddTimes: number;
}

/** How a seal line starts. */
export const SEAL_START = '{"seal":"';

/** The seal line (without its newline) for content whose SHA-256 is `hex`. */
export function sealLine(hex: string, facts: SealFacts): string {
  return JSON.stringify({ seal: hex, totals: facts.totals, live: facts.live, sorted: facts.sorted, scored: facts.scored, prompts: facts.prompts, oddTimes: facts.oddTimes });
}

/** The hash and totals of a seal line; null when the line is not a well-formed seal. */
export function readSeal(line: string): ({ hex: string } & SealFacts) | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (!isObject(value) || typeof value.seal !== 'string' || !/^[0-9a-f]{64}$/.test(value.seal)) return null;
  const totals = value.totals;
  if (!isObject(totals)) return null;
  const { sessions, scored, overallSum, stages, items, overBudget, exact } = totals;
  if (!isCount(sessions) || !isCount(scored) || !isNumber(overallSum) || typeof exact !== 'boolean') return null;
  if (!tuples(stages, 2) || !tuples(overBudget, 3) || stages.length !== STAGE_IDS.length || overBudget.length !== STAGE_IDS.length) return null;
  if (!isObject(items) || !Object.values(items).every((counts) => tuple(counts, 3))) return null;
  const { live, sorted, scored: byPrompt, prompts, oddTimes } = value;
  if (!Array.isArray(live) || !live.every((name) => typeof name === 'string') || typeof sorted !== 'boolean' || !isCount(oddTimes)) return null;
  if (!isObject(byPrompt) || !Object.values(byPrompt).every(isCount) || !isObject(prompts) || !Object.values(prompts).every(isCount)) return null;
  const totalsRead = { sessions, scored, overallSum, stages, items, overBudget, exact } as StatsTotals;
  return { hex: value.seal, totals: totalsRead, live: live as string[], sorted, scored: byPrompt as Record<string, number>, prompts: prompts as Record<string, number>, oddTimes };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

function tuple(value: unknown, length: number): boolean {
  return Array.isArray(value) && value.length === length && value.every(isNumber);
}

function tuples(value: unknown, length: number): value is unknown[] {
  return Array.isArray(value) && value.every((v) => tuple(v, length));
}
