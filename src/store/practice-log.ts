import { INTERVIEW_SCHEMA, type FollowUp, type InterviewState, type SaidAt } from '../interview/interview-machine.js';
import { warningsGiven } from '../interview/session-clock.js';
import { isOver, type SessionStatus } from '../interview/session-status.js';
import type { CandidateLevel } from '../scoring/report.js';
import { STAGE_IDS, type StageId } from '../stages.js';

/**
 * A practice interview as a session file keeps it (`practice` in format 2): what was said and when,
 * stage by stage, and the clock. Everything else of the interview's state is derived from it on load:
 * time used per stage (end minus start), the phase (a follow-up is being asked while one is pending),
 * the warnings already given (from the times), the answers the scorer reads. Times named `...AtMs`
 * are interview time in milliseconds (time used so far when it happened; pauses do not count).
 */
export interface PracticeLog {
  /** The interview's length, ms. */
  durationMs: number;
  /** Each stage's time budget, ms. */
  budgets: Record<StageId, number>;
  /** Interview time left when saved, ms. */
  leftMs: number;
  /** When time was last counted, on the clock the session ran on (ms since 1970); null while paused or over. */
  clockAt: number | null;
  /** The stages reached, in the framework's order from clarify: the last is in progress, or where it ended. */
  stages: StageLog[];
}

/** One stage of a practice interview: when it ran and what was said in it. */
export interface StageLog {
  stage: StageId;
  startedAtMs: number;
  /** Null while the stage is in progress. */
  endedAtMs: number | null;
  /** Clarify only: the candidate's questions, the interviewer's replies and the prompt's fact each came from (null: their call). */
  questions?: Array<{ question: string; reply: string; topic: string | null; atMs: SaidAt }>;
  /** The answers submitted, in order. */
  answers: Array<{ text: string; atMs: SaidAt }>;
  /** Follow-ups the interviewer asked and the candidate answered. */
  followUps: Array<{ itemId: string; question: string; answer: string; atMs: SaidAt }>;
  /** The stage in progress only: follow-ups chosen and not yet answered (the first is being asked). */
  pending?: Array<{ itemId: string; question: string }>;
  /** The stage in progress only: what was typed and not submitted. */
  draft?: string;
}

/** What a practice log does not hold itself: the session's own fields (top level of the file). */
export interface PracticeSession {
  id: string;
  prompt: string;
  level: CandidateLevel;
  createdAt: string;
  status: SessionStatus;
}

/** The interview as saved. Stages are reached in order, so each one starts where the one before ended. */
export function toPracticeLog(state: InterviewState): PracticeLog {
  const reached = STAGE_IDS.slice(0, STAGE_IDS.indexOf(state.stage) + 1);
  const over = isOver(state.status);
  let startedAtMs = 0;
  const stages = reached.map((stage): StageLog => {
    const current = stage === state.stage;
    // Clamped so a hand-edited or older file whose stage times overshoot still saves as a valid log.
    const endedAtMs = current ? (over ? state.usedMs : null) : Math.min(state.usedMs, startedAtMs + (state.stageMs[stage] ?? 0));
    const entry: StageLog = {
      stage,
      startedAtMs,
      endedAtMs,
      ...(stage === 'clarify' ? { questions: state.clarify.map((e) => ({ question: e.question, reply: e.answer, topic: e.topic, atMs: e.atMs })) } : {}),
      answers: (state.answers[stage] ?? []).map((a) => ({ text: a.text, atMs: a.atMs })),
      followUps: state.followUps.filter((f) => f.stage === stage).map((f) => ({ itemId: f.itemId, question: f.question, answer: f.answer, atMs: f.atMs })),
      ...(current && state.pending.length > 0 ? { pending: state.pending.map((p) => ({ itemId: p.itemId, question: p.question })) } : {}),
      ...(current && state.draft !== '' ? { draft: state.draft } : {}),
    };
    startedAtMs = endedAtMs ?? startedAtMs;
    return entry;
  });
  return { durationMs: state.durationMs, budgets: state.budgets, leftMs: state.durationMs - state.usedMs, clockAt: state.clockAt, stages };
}

/**
 * The interview's state rebuilt from its log, or what is wrong with the log (stages out of order,
 * times that run backwards): the reducer carries on from it as if it had never stopped.
 */
export function fromPracticeLog(log: PracticeLog, session: PracticeSession): { state: InterviewState } | { error: string } {
  const usedMs = log.durationMs - log.leftMs;
  if (usedMs < 0) return { error: 'practice.leftMs: more time left than the interview lasts' };
  if (log.stages.length === 0) return { error: 'practice.stages: no stage reached' };
  const stageMs: Partial<Record<StageId, number>> = {};
  let previousEnd = 0;
  for (const [i, entry] of log.stages.entries()) {
    const where = `practice.stages.${i}`;
    if (entry.stage !== STAGE_IDS[i]) return { error: `${where}.stage: expected "${STAGE_IDS[i] ?? 'no more stages'}", the stages in order from clarify` };
    const last = i === log.stages.length - 1;
    const end = entry.endedAtMs ?? (last ? usedMs : null);
    if (end === null) return { error: `${where}.endedAtMs: only the last stage can be in progress` };
    if (entry.startedAtMs !== previousEnd || end < entry.startedAtMs || end > usedMs) return { error: `${where}: its times do not follow on from the stage before (started ${entry.startedAtMs}, ended ${end})` };
    if (!last && (entry.pending || entry.draft !== undefined)) return { error: `${where}: a follow-up or a draft in a stage that is over` };
    stageMs[entry.stage] = end - entry.startedAtMs;
    previousEnd = end;
  }
  const current = log.stages.at(-1)!;
  const answers: InterviewState['answers'] = {};
  for (const entry of log.stages) if (entry.answers.length > 0) answers[entry.stage] = entry.answers.map((a) => ({ text: a.text, atMs: a.atMs }));
  const followUps: FollowUp[] = log.stages.flatMap((entry) => entry.followUps.map((f) => ({ stage: entry.stage, itemId: f.itemId, question: f.question, answer: f.answer, atMs: f.atMs })));
  const pending = (current.pending ?? []).map((p) => ({ itemId: p.itemId, question: p.question }));
  const clock = { durationMs: log.durationMs, usedMs, budgets: log.budgets, stageMs };
  return {
    state: {
      schema: INTERVIEW_SCHEMA,
      id: session.id,
      promptId: session.prompt,
      level: session.level,
      createdAt: session.createdAt,
      status: session.status,
      ...clock,
      stage: current.stage,
      phase: pending.length > 0 ? 'follow-up' : 'answer',
      clarify: (log.stages[0]!.questions ?? []).map((q) => ({ question: q.question, answer: q.reply, topic: q.topic, atMs: q.atMs })),
      answers,
      followUps,
      pending,
      draft: current.draft ?? '',
      warned: warningsGiven(clock),
      clockAt: log.clockAt,
    },
  };
}
