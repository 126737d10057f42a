import { SHEET_SCHEMA, type FactAsked, type PeerSheetState, type SheetDraft, type SheetFlag, type SheetMark } from '../interview/peer-sheet.js';
import { warningsGiven } from '../interview/session-clock.js';
import type { SessionStatus } from '../interview/session-status.js';
import type { CandidateLevel } from '../scoring/report.js';
import type { StageId } from '../stages.js';

/**
 * A peer interview as a session file keeps it (`sheet` in format 2): the interviewer's marks, flags,
 * notes and facts, each with the stage and interview time (`atMs`) it happened in, and the clock.
 * The session's own fields (id, prompt, level, start, status, candidate) are at the file's top level
 * and not repeated; the warnings already given are derived from the times on load. The interviewer
 * moves between stages at will, so time is kept per stage (`stageMs`) rather than as spans.
 */
export interface SheetLog {
  durationMs: number;
  budgets: Record<StageId, number>;
  /** Interview time left when saved, ms. */
  leftMs: number;
  /** When time was last counted, on the clock the session ran on (ms); null while paused or over. */
  clockAt: number | null;
  /** The stage on screen. */
  stage: StageId;
  /** Time spent in each stage, ms. */
  stageMs: Partial<Record<StageId, number>>;
  /** Stages in the order first reached. */
  visited: StageId[];
  marks: Record<string, SheetMark>;
  flags: Record<string, SheetFlag>;
  notes: Partial<Record<StageId, string>>;
  facts: FactAsked[];
  answersFile?: string;
  /** A note or question being typed when the interview stopped. */
  draft?: SheetDraft;
  /** The row the pointer was on in each stage (`item:<id>` or `flag:<id>`). */
  pointer?: Partial<Record<StageId, string>>;
}

/** What a sheet log does not hold itself: the session's own fields (top level of the file). */
export interface SheetSession {
  id: string;
  prompt: string;
  level: CandidateLevel;
  createdAt: string;
  status: SessionStatus;
  candidate?: string;
}

/** The sheet as saved. */
export function toSheetLog(state: PeerSheetState): SheetLog {
  return {
    durationMs: state.durationMs,
    budgets: state.budgets,
    leftMs: state.durationMs - state.usedMs,
    clockAt: state.clockAt,
    stage: state.stage,
    stageMs: state.stageMs,
    visited: state.visited,
    marks: state.marks,
    flags: state.flags,
    notes: state.notes,
    facts: state.facts,
    ...(state.answersFile !== undefined ? { answersFile: state.answersFile } : {}),
    ...(state.draft ? { draft: state.draft } : {}),
    ...(state.pointer ? { pointer: state.pointer } : {}),
  };
}

/** The sheet's state rebuilt from its log, or what is wrong with the log. */
export function fromSheetLog(log: SheetLog, session: SheetSession): { state: PeerSheetState } | { error: string } {
  const usedMs = log.durationMs - log.leftMs;
  if (usedMs < 0) return { error: 'sheet.leftMs: more time left than the interview lasts' };
  const clock = { durationMs: log.durationMs, usedMs, budgets: log.budgets, stageMs: log.stageMs };
  return {
    state: {
      schema: SHEET_SCHEMA,
      id: session.id,
      promptId: session.prompt,
      level: session.level,
      candidate: session.candidate ?? null,
      createdAt: session.createdAt,
      status: session.status,
      ...clock,
      stage: log.stage,
      visited: log.visited,
      marks: log.marks,
      flags: log.flags,
      notes: log.notes,
      facts: log.facts,
      warned: warningsGiven(clock),
      clockAt: log.clockAt,
      ...(log.answersFile !== undefined ? { answersFile: log.answersFile } : {}),
      ...(log.draft ? { draft: log.draft } : {}),
      ...(log.pointer ? { pointer: log.pointer } : {}),
    },
  };
}
