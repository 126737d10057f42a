import type { ItemStatus } from '../scoring/report.js';
import type { Verdict } from '../scoring/report.js';
import type { StageId } from '../stages.js';
import type { SessionRecord, SessionStatus } from './session-record.js';

/** An item a session did not cover, and how it went. */
export interface NotCovered {
  id: string;
  status: Exclude<ItemStatus, 'covered'>;
}

/** What history, stats and drill need from a session: a few hundred bytes instead of a whole report. */
export interface SessionSummary {
  id: string;
  createdAt: string;
  prompt: string;
  level: SessionRecord['level'];
  kind: SessionRecord['kind'];
  status: SessionStatus;
  /** Who was interviewed (peer interviews); missing in indexes written before it existed. */
  candidate?: string | null;
  overall: number | null;
  verdict: Verdict | null;
  usedMs: number | null;
  durationMs: number | null;
  stageScores: Partial<Record<StageId, number>>;
  /** Every item not covered, with how it went. */
  notCovered: readonly NotCovered[];
  /**
   * The items the session's rubrics had, to tell "missed 3 of 4" from "missed 3 of 10". Sessions of the
   * same rubric set share one array, so aggregates over items are computed once per set.
   */
  itemIds: readonly string[];
  stageMs: Partial<Record<StageId, number>> | null;
  budgets: Partial<Record<StageId, number>> | null;
}

/** Labels and hints by item id, shared by all summaries, for the "missed most" list. */
export type ItemInfo = Record<string, { label: string; hint: string }>;

/** The summary of one session; labels and hints of its items are added to `info` (first seen wins). */
export function summarize(record: SessionRecord, info: ItemInfo): SessionSummary {
  const items = record.report?.stages.flatMap((s) => s.items) ?? [];
  for (const item of items) info[item.id] ??= { label: item.label, hint: item.hint };
  return {
    id: record.id,
    createdAt: record.createdAt,
    prompt: record.prompt,
    level: record.level,
    kind: record.kind,
    status: record.status,
    candidate: record.candidate ?? null,
    overall: record.report?.overall ?? null,
    verdict: record.report?.verdict ?? null,
    usedMs: record.interview?.usedMs ?? record.sheet?.usedMs ?? null,
    durationMs: record.interview?.durationMs ?? record.sheet?.durationMs ?? null,
    stageScores: Object.fromEntries(record.report?.stages.map((s) => [s.id, s.score]) ?? []),
    notCovered: items.filter((i) => i.status !== 'covered').map((i) => ({ id: i.id, status: i.status as Exclude<ItemStatus, 'covered'> })),
    itemIds: items.map((i) => i.id),
    stageMs: record.interview?.stageMs ?? record.sheet?.stageMs ?? null,
    budgets: record.interview?.budgets ?? record.sheet?.budgets ?? null,
  };
}
