import type { Prompt } from '../content/schema.js';
import type { CompiledScope } from '../scoring/compile.js';
import type { CandidateLevel, ScoreReport } from '../scoring/report.js';
import { scoreAnswers, type AnswerSet } from '../scoring/score.js';
import { levelWeight } from '../scoring/verdict.js';
import { STAGE_IDS, stageInfo, type StageId } from '../stages.js';
import { stageBudgets } from './budgets.js';
import { formatClock } from '../text/clock-format.js';
import { clarifyMatcher, type ClarifyMatcher } from './clarify.js';
import { isOver } from './session-status.js';
import { accountTime, type ClockedSession } from './session-clock.js';

/**
 * A mock interview as a pure state machine. Events (a question, a submitted answer, a clock tick,
 * an interrupt) go in; the next state and what the interviewer says come out. Time is whatever
 * the events say it is, so tests walk whole sessions without waiting.
 */

export const INTERVIEW_SCHEMA = 1;

/**
 * When something was said: interview time in ms (time used when it was said, pauses not counted), or
 * null in a session saved before mlsd kept these times (session format 1).
 */
export type SaidAt = number | null;

/** A clarifying question, the interviewer's reply and the prompt's fact it came from (null: their call). */
export interface Exchange {
  question: string;
  answer: string;
  topic: string | null;
  atMs: SaidAt;
}

/** A follow-up question the interviewer asked in a stage, and the candidate's answer to it. */
export interface FollowUp {
  stage: StageId;
  itemId: string;
  question: string;
  answer: string;
  /** When it was answered. */
  atMs: SaidAt;
}

/** One submitted answer of a stage (a stage may get several: clarify's stated assumptions, say). */
export interface Said {
  text: string;
  atMs: SaidAt;
}

/** A practice interview as the reducer holds it; the clock's fields (session-clock.ts) are shared with the peer sheet. */
export interface InterviewState extends ClockedSession {
  schema: typeof INTERVIEW_SCHEMA;
  id: string;
  promptId: string;
  level: CandidateLevel;
  createdAt: string;
  /** The stage being answered, or the last one reached once the session is over. */
  stage: StageId;
  /** Asking the stage's question, or one of its follow-ups. */
  phase: 'answer' | 'follow-up';
  clarify: Exchange[];
  /** What was submitted in each stage, in order; `stageAnswer` gives a stage's answer as one text. */
  answers: Partial<Record<StageId, Said[]>>;
  followUps: FollowUp[];
  /** Follow-ups still to ask in this stage, the first is being asked. */
  pending: Array<{ itemId: string; question: string }>;
  /** What is being typed right now: kept so nothing is lost if the session stops. */
  draft: string;
  /** Warnings already given, so each is given once. */
  warned: string[];
}

export type InterviewEvent =
  | { type: 'tick'; now: number }
  | { type: 'ask'; text: string; now: number }
  | { type: 'submit'; text: string; now: number }
  | { type: 'draft'; text: string }
  | { type: 'interrupt'; now: number }
  | { type: 'resume'; now: number };

export interface Message {
  kind: 'interviewer' | 'warning' | 'info';
  text: string;
}

export interface Step {
  state: InterviewState;
  messages: Message[];
}

export const MAX_FOLLOW_UPS = 2;
/** Only items at least this heavy are worth an interviewer's follow-up. */
const FOLLOW_UP_MIN_WEIGHT = 3;

export interface Interview {
  start(options: { id: string; level: CandidateLevel; durationMinutes: number; now: number; createdAt: string }): Step;
  reduce(state: InterviewState, event: InterviewEvent): Step;
  /** The interviewer's question for the current stage or follow-up. */
  question(state: InterviewState): string;
  /** What was said, as the scorer reads it. */
  answerSet(state: InterviewState): AnswerSet;
  score(state: InterviewState): ScoreReport;
}

export function createInterview(prompt: Prompt, scope: CompiledScope): Interview {
  const matcher: ClarifyMatcher = clarifyMatcher(prompt);

  const answerSet = answerSetOf;

  const score = (state: InterviewState) => scoreAnswers({ prompt, scope, answers: answerSet(state), level: state.level });

  /**
   * The follow-ups still worth asking in a stage: its heaviest important items still missing after
   * everything said so far (every stage answer and every follow-up answer, read as the report reads
   * them), leaving out items already asked about in the stage, at most MAX_FOLLOW_UPS in all per stage.
   * Chosen again after each follow-up answer, so the next follow-up never asks for what was just said.
   */
  const chooseFollowUps = (state: InterviewState, stage: StageId) => {
    const askedHere = state.followUps.filter((f) => f.stage === stage);
    const room = MAX_FOLLOW_UPS - askedHere.length;
    if (room <= 0) return [];
    const asked = new Set(askedHere.map((f) => f.itemId));
    const { sections, followUps } = answerSet(state);
    const report = scoreAnswers({ prompt, scope, answers: { sections, followUps }, level: state.level });
    const items = report.stages.find((s) => s.id === stage)?.items ?? [];
    return items
      .filter((i) => i.status === 'missed' && !asked.has(i.id) && i.weight >= FOLLOW_UP_MIN_WEIGHT && levelWeight(state.level, i.level) >= 0.5)
      .sort((a, b) => b.weight - a.weight)
      .slice(0, room)
      .map((i) => ({ itemId: i.id, question: i.followUp }));
  };

  const question = (state: InterviewState): string => {
    if (isOver(state.status)) return '';
    if (state.phase === 'follow-up' && state.pending[0]) return state.pending[0].question;
    if (state.stage === 'clarify') return `${prompt.prompt}\n\n${stageInfo('clarify').question}`;
    return stageInfo(state.stage).question;
  };

  const start: Interview['start'] = ({ id, level, durationMinutes, now, createdAt }) => {
    const state: InterviewState = {
      schema: INTERVIEW_SCHEMA,
      id,
      promptId: prompt.id,
      level,
      durationMs: Math.round(durationMinutes * 60_000),
      budgets: stageBudgets(durationMinutes),
      createdAt,
      status: 'active',
      usedMs: 0,
      stage: 'clarify',
      phase: 'answer',
      clarify: [],
      answers: {},
      followUps: [],
      pending: [],
      stageMs: {},
      draft: '',
      warned: [],
      clockAt: now,
    };
    return { state, messages: [{ kind: 'interviewer', text: question(state) }] };
  };

  const reduce = (previous: InterviewState, event: InterviewEvent): Step => {
    if (isOver(previous.status)) return { state: previous, messages: [] };
    if (event.type === 'resume') {
      if (previous.status !== 'interrupted') return { state: previous, messages: [] };
      const state = { ...previous, status: 'active' as const, clockAt: event.now };
      const left = state.durationMs - state.usedMs;
      return { state, messages: [{ kind: 'info', text: `Resumed with ${formatClock(left)} left.` }, { kind: 'interviewer', text: question(state) }] };
    }
    if (previous.status === 'interrupted') return { state: previous, messages: [] };
    if (event.type === 'draft') return { state: { ...previous, draft: event.text }, messages: [] };

    const messages: Message[] = [];
    let state = account(previous, event.now, messages);
    if (state.status === 'timed-out') return { state, messages };

    switch (event.type) {
      case 'tick':
        break;
      case 'interrupt':
        state = { ...state, status: 'interrupted', clockAt: null };
        break;
      case 'ask': {
        if (state.stage !== 'clarify' || !event.text.trim()) break;
        const reply = matcher.reply(event.text);
        state = { ...state, clarify: [...state.clarify, { question: event.text.trim(), answer: reply.answer, topic: reply.topic, atMs: state.usedMs }], draft: '' };
        messages.push({ kind: 'interviewer', text: reply.answer });
        break;
      }
      case 'submit': {
        state = submit(state, event.text, messages);
        break;
      }
    }
    return { state, messages };
  };

  function submit(state: InterviewState, text: string, messages: Message[]): InterviewState {
    const stage = state.stage;
    const trimmed = text.trim();
    const atMs = state.usedMs;
    let next: InterviewState = { ...state, draft: '' };
    if (state.phase === 'follow-up') {
      const asked = state.pending[0]!;
      next = { ...next, followUps: [...next.followUps, { stage, itemId: asked.itemId, question: asked.question, answer: trimmed, atMs }] };
      // What this answer said may cover the next planned follow-up: choose again from everything said.
      next = { ...next, pending: chooseFollowUps(next, stage) };
      if (next.pending.length > 0) {
        messages.push({ kind: 'interviewer', text: question(next) });
        return next;
      }
      return advance(next, messages);
    }
    if (trimmed) next = { ...next, answers: said(next.answers, stage, { text: trimmed, atMs }) };
    if (stage !== 'clarify') {
      const pending = chooseFollowUps(next, stage);
      if (pending.length > 0) {
        next = { ...next, phase: 'follow-up', pending };
        messages.push({ kind: 'interviewer', text: question(next) });
        return next;
      }
    }
    return advance(next, messages);
  }

  function advance(state: InterviewState, messages: Message[]): InterviewState {
    const index = STAGE_IDS.indexOf(state.stage);
    const nextStage = STAGE_IDS[index + 1];
    if (!nextStage) {
      messages.push({ kind: 'info', text: 'That was the last stage. Here is your feedback.' });
      return { ...state, phase: 'answer', pending: [], status: 'finished', clockAt: null };
    }
    const next: InterviewState = { ...state, stage: nextStage, phase: 'answer', pending: [] };
    messages.push({ kind: 'interviewer', text: question(next) });
    return next;
  }

  return { start, reduce, question, answerSet, score };
}

export { clocksAt, type Clocks } from './session-clock.js';

/** True once the candidate has said or typed anything: a session without it is not worth keeping. */
export function hasContent(state: InterviewState): boolean {
  return (
    state.clarify.length > 0 ||
    Object.values(state.answers).some((list) => (list ?? []).some((a) => a.text.trim() !== '')) ||
    state.followUps.some((f) => f.answer.trim() !== '') ||
    state.draft.trim() !== ''
  );
}

/** Adds the time since the last event to the session and the stage; warns and times out. */
function account(state: InterviewState, now: number, messages: Message[]): InterviewState {
  const accounted = accountTime(state, now);
  if (!accounted) return state;
  const stage = state.stage;
  const { usedMs } = accounted;
  for (const w of accounted.warnings) {
    messages.push(
      w.kind === 'over'
        ? { kind: 'warning', text: `You are past the ${formatClock(state.budgets[w.stage])} budget for ${stageInfo(w.stage).title}. Wrap up and move on when you can.` }
        : { kind: 'warning', text: `${formatClock(w.ms)} left in the interview.` },
    );
  }
  let next: InterviewState = { ...state, usedMs, clockAt: accounted.clockAt, stageMs: accounted.stageMs, warned: accounted.warned };
  if (accounted.timedOut) {
    // Time is up: what was being typed is kept as the answer, as an interviewer would hear it.
    const draft = next.draft.trim();
    if (draft) {
      if (next.phase === 'follow-up' && next.pending[0]) {
        next = { ...next, followUps: [...next.followUps, { stage, itemId: next.pending[0].itemId, question: next.pending[0].question, answer: draft, atMs: usedMs }] };
      } else {
        next = { ...next, answers: said(next.answers, stage, { text: draft, atMs: usedMs }) };
      }
    }
    messages.push({ kind: 'warning', text: "Time's up. The stages you didn't reach score zero, as in a real interview." });
    return { ...next, draft: '', status: 'timed-out', pending: [], clockAt: null };
  }
  return next;
}

function said(answers: InterviewState['answers'], stage: StageId, entry: Said): InterviewState['answers'] {
  return { ...answers, [stage]: [...(answers[stage] ?? []), entry] };
}

/** A stage's submitted answers as one text (a blank line between them), or undefined when nothing was submitted. */
export function stageAnswer(state: Pick<InterviewState, 'answers'>, stage: StageId): string | undefined {
  const list = state.answers[stage];
  return list && list.length > 0 ? list.map((a) => a.text).join('\n\n') : undefined;
}

/** The clarify stage as the scorer reads it: the questions asked and any stated assumptions. */
export function clarifyTranscript(state: Pick<InterviewState, 'clarify' | 'answers'>): string {
  const asked = state.clarify.map((e) => `- ${e.question}`);
  const stated = stageAnswer(state, 'clarify');
  return [...asked, ...(stated ? [stated] : [])].join('\n');
}

/**
 * What was said, as the scorer reads it: each stage's answers (clarify as its transcript), the
 * follow-up answers, and the stages never reached (they score zero). A session file does not store
 * this: it is derived from the interview on load.
 */
export function answerSetOf(state: InterviewState): AnswerSet {
  const sections: Partial<Record<StageId, string>> = {};
  for (const stage of STAGE_IDS) {
    const text = stage === 'clarify' ? clarifyTranscript(state) : stageAnswer(state, stage);
    if (text) sections[stage] = text;
  }
  const reachedUpTo = state.status === 'finished' ? STAGE_IDS.length : STAGE_IDS.indexOf(state.stage) + 1;
  const unreached = STAGE_IDS.filter((id, i) => i >= reachedUpTo && !sections[id]);
  return {
    sections,
    followUps: state.followUps.map((f) => ({ stage: f.stage, text: f.answer, itemId: f.itemId })),
    unreached,
  };
}
