import type { StageId } from '../stages.js';
import type { SessionStatus } from './session-status.js';

/**
 * The interview clock, shared by the practice interview and the peer interviewer's sheet: only active
 * time counts, time is charged to the stage in progress (or on screen), warnings are given once each,
 * and the session times out when its duration is used up. Times are milliseconds; `now` and `clockAt`
 * are whatever clock the events carry (Date.now() in the CLI, made-up numbers in tests).
 */

/** What the clock needs of a session. */
export interface ClockedSession {
  status: SessionStatus;
  durationMs: number;
  /** Interview time used up to `clockAt`. */
  usedMs: number;
  budgets: Record<StageId, number>;
  /** The stage time is charged to. */
  stage: StageId;
  /** Time used in each stage up to `clockAt`. */
  stageMs: Partial<Record<StageId, number>>;
  /** When time was last accounted; null while paused or over. */
  clockAt: number | null;
}

/** The clocks at a moment: time used and left in the session and in the current stage (negative: over budget). */
export interface Clocks {
  usedMs: number;
  stageUsedMs: number;
  leftMs: number;
  stageLeftMs: number;
}

/** Warnings are given at these amounts of time left in the session. */
export const WARN_AT_LEFT_MS = [5 * 60_000, 60_000] as const;

/** A warning the clock gives: a stage over its budget, or only so much time left. */
export type ClockWarning = { kind: 'over'; stage: StageId } | { kind: 'left'; ms: number };

/**
 * The clocks at `now`, counting the time since the last event while the session runs. The one place
 * that does this arithmetic: both reducers account time with it and the live views show it. Without
 * `now` (or while paused) the clocks stand where they were last accounted.
 */
export function clocksAt(state: ClockedSession, now: number | null = null): Clocks {
  const running = state.status === 'active' && state.clockAt !== null && now !== null ? Math.max(0, now - state.clockAt) : 0;
  const usedMs = Math.min(state.durationMs, state.usedMs + running);
  const stageUsedMs = (state.stageMs[state.stage] ?? 0) + (usedMs - state.usedMs);
  return { usedMs, stageUsedMs, leftMs: state.durationMs - usedMs, stageLeftMs: state.budgets[state.stage] - stageUsedMs };
}

/** The key a warning is remembered by in `warned`. */
function warningKey(w: ClockWarning): string {
  return w.kind === 'over' ? `over:${w.stage}` : `left:${w.ms}`;
}

/** The clock after accounting the time up to `now`: new times, the warnings due now, and whether time ran out. */
export interface Accounted {
  usedMs: number;
  stageMs: Partial<Record<StageId, number>>;
  clockAt: number;
  warned: string[];
  warnings: ClockWarning[];
  timedOut: boolean;
}

/**
 * Charges the time since the last event to the session and its current stage, and says which warnings
 * are due (each once: `warned` remembers them). Null while the clock does not run (paused or over).
 */
export function accountTime(state: ClockedSession & { warned: readonly string[] }, now: number): Accounted | null {
  if (state.clockAt === null || state.status !== 'active') return null;
  const { usedMs, stageUsedMs, leftMs } = clocksAt(state, now);
  const warned = new Set(state.warned);
  const warnings: ClockWarning[] = [];
  const due = (w: ClockWarning) => {
    if (warned.has(warningKey(w))) return;
    warned.add(warningKey(w));
    warnings.push(w);
  };
  if (stageUsedMs > state.budgets[state.stage]) due({ kind: 'over', stage: state.stage });
  for (const ms of WARN_AT_LEFT_MS) if (leftMs <= ms && leftMs > 0 && state.durationMs > ms) due({ kind: 'left', ms });
  return { usedMs, stageMs: { ...state.stageMs, [state.stage]: stageUsedMs }, clockAt: now, warned: [...warned], warnings, timedOut: leftMs <= 0 };
}

/**
 * The warnings a session has been given, worked out from its times alone: a stage is warned about once
 * its time went over budget, the session once its time left fell to a mark. This is what `accountTime`
 * records as it goes, so a saved session need not store it.
 */
export function warningsGiven(state: Pick<ClockedSession, 'durationMs' | 'usedMs' | 'budgets' | 'stageMs'>): string[] {
  const given: ClockWarning[] = [];
  for (const [stage, used] of Object.entries(state.stageMs) as Array<[StageId, number | undefined]>) {
    if (used !== undefined && used > state.budgets[stage]) given.push({ kind: 'over', stage });
  }
  const leftMs = state.durationMs - state.usedMs;
  for (const ms of WARN_AT_LEFT_MS) if (leftMs <= ms && leftMs > 0 && state.durationMs > ms) given.push({ kind: 'left', ms });
  return given.map(warningKey);
}
