import { STAGE_IDS } from '../stages.js';
import type { IndexedSession } from './index-session-schema.js';

/**
 * The clock of a practice or peer session as the session index keeps it, derived from a session file
 * checked with index-session-schema.ts (or index-session-check.ts). In a module of its own, free of any
 * schema library, so a run that reads only well-formed new files loads none.
 */

/** The clock the index keeps of a live session, in either format: time used and allowed, per stage, ms. */
export interface IndexedClock {
  usedMs: number;
  durationMs: number;
  stageMs: Partial<Record<(typeof STAGE_IDS)[number], number>>;
  budgets: Partial<Record<(typeof STAGE_IDS)[number], number>>;
  /** Format 1 only: the clock's own status, from before sessions had a top-level status. */
  status?: 'active' | 'interrupted' | 'finished' | 'timed-out';
}

/**
 * The clock of a practice or peer session as the index keeps it, or null for a scored answer. Format 2
 * derives time used from time left, and a practice stage's time from its span, ending at time used
 * while it is in progress; a log whose stages are out of order or whose times run backwards is an error,
 * with the message and rules of `fromPracticeLog` (store/practice-log.ts), so the index lists only what
 * `resume` and `review` can read.
 */
export function indexedClock(session: IndexedSession): IndexedClock | { error: string } | null {
  if (session.schema === 1) return session.interview ?? session.sheet ?? null;
  if (session.practice) {
    const log = session.practice;
    const usedMs = log.durationMs - log.leftMs;
    if (usedMs < 0) return { error: 'practice.leftMs: more time left than the interview lasts' };
    if (log.stages.length === 0) return { error: 'practice.stages: no stage reached' };
    const stageMs: IndexedClock['stageMs'] = {};
    let previousEnd = 0;
    for (const [i, span] of log.stages.entries()) {
      const where = `practice.stages.${i}`;
      if (span.stage !== STAGE_IDS[i]) return { error: `${where}.stage: expected "${STAGE_IDS[i] ?? 'no more stages'}", the stages in order from clarify` };
      const end = span.endedAtMs ?? (i === log.stages.length - 1 ? usedMs : null);
      if (end === null) return { error: `${where}.endedAtMs: only the last stage can be in progress` };
      if (span.startedAtMs !== previousEnd || end < span.startedAtMs || end > usedMs) return { error: `${where}: its times do not follow on from the stage before (started ${span.startedAtMs}, ended ${end})` };
      stageMs[span.stage] = end - span.startedAtMs;
      previousEnd = end;
    }
    return { usedMs, durationMs: log.durationMs, stageMs, budgets: log.budgets };
  }
  if (session.sheet) {
    const usedMs = session.sheet.durationMs - session.sheet.leftMs;
    if (usedMs < 0) return { error: 'sheet.leftMs: more time left than the interview lasts' };
    return { usedMs, durationMs: session.sheet.durationMs, stageMs: session.sheet.stageMs, budgets: session.sheet.budgets };
  }
  return null;
}
