import type { Prompt } from '../content/schema.js';
import type { CompiledScope } from '../scoring/compile.js';
import type { CandidateLevel, ScoreReport } from '../scoring/report.js';
import { scoreAnswers, type AnswerSet } from '../scoring/score.js';
import { levelWeight } from '../scoring/verdict.js';
import { STAGE_IDS, stageInfo, type StageId } from '../stages.js';
import { stageBudgets } from './budgets.js';
import { formatClock } from '../text/clock-format.js';
import { clarifyMatcher, type ClarifyMatcher } from './clarify.js';

/**
 * A mock interview as a pure state machine. Events (a question, a submitted answer, a clock tick,
 * an interrupt) go in; the next state and what the interviewer says come out. Time is whatever
 * the events say it is, so tests walk whole sessions without waiting.
 */

export const INTERVIEW_SCHEMA = 1;

export type Status = 'active' | 'interrupted' | 'finished' | 'timed-out';

export interface Exchange {
  question: string;
  answer: string;
  topic: string | null;
}

export interface FollowUp {
  stage: StageId;
  itemId: string;
  question: string;
  answer: string;
}

export interface InterviewState {
  schema: typeof INTERVIEW_SCHEMA;
  id: string;
  promptId: string;
  level: CandidateLevel;
  durationMs: number;
  budgets: Record<StageId, number>;
  createdAt: string;
  status: Status;
  /** Session time used so far; only active time counts. */
  usedMs: number;
  /** The stage being answered, or the last one reached once the session is over. */
  stage: StageId;
  /** Asking the stage's question, or one of its follow-ups. */
  phase: 'answer' | 'follow-up';
  clarify: Exchange[];
  answers: Partial<Record<StageId, string>>;
  followUps: FollowUp[];
  /** Follow-ups still to ask in this stage, the first is being asked. */
  pending: Array<{ itemId: string; question: string }>;
  stageMs: Partial<Record<StageId, number>>;
  /** What is being typed right now: kept so nothing is lost if the session stops. */
  draft: string;
  /** Warnings already given, so each is given once. */
  warned: string[];
  /** When time was last accounted; null while paused. */
  clockAt: number | null;
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
const WARN_AT_LEFT_MS = [5 * 60_000, 60_000];

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

  const answerSet = (state: InterviewState): AnswerSet => {
    const sections: Partial<Record<StageId, string>> = { ...state.answers };
    const clarifyText = clarifyTranscript(state);
    if (clarifyText) sections.clarify = clarifyText;
    const reachedUpTo = state.status === 'finished' ? STAGE_IDS.length : STAGE_IDS.indexOf(state.stage) + 1;
    const unreached = STAGE_IDS.filter((id, i) => i >= reachedUpTo && !sections[id]);
    return {
      sections,
      followUps: state.followUps.map((f) => ({ stage: f.stage, text: f.answer, itemId: f.itemId })),
      unreached,
    };
  };

  const score = (state: InterviewState) => scoreAnswers({ prompt, scope, answers: answerSet(state), level: state.level });

  /** The heaviest important items of the stage still missing after everything said so far. */
  const chooseFollowUps = (state: InterviewState, stage: StageId) => {
    const report = scoreAnswers({ prompt, scope, answers: { sections: answerSet(state).sections }, level: state.level });
    const items = report.stages.find((s) => s.id === stage)?.items ?? [];
    return items
      .filter((i) => i.status === 'missed' && i.weight >= FOLLOW_UP_MIN_WEIGHT && levelWeight(state.level, i.level) >= 0.5)
      .sort((a, b) => b.weight - a.weight)
      .slice(0, MAX_FOLLOW_UPS)
      .map((i) => ({ itemId: i.id, question: i.followUp }));
  };

  const question = (state: InterviewState): string => {
    if (state.status === 'finished' || state.status === 'timed-out') return '';
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
    if (previous.status === 'finished' || previous.status === 'timed-out') return { state: previous, messages: [] };
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
        state = { ...state, clarify: [...state.clarify, { question: event.text.trim(), answer: reply.answer, topic: reply.topic }], draft: '' };
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
    let next: InterviewState = { ...state, draft: '' };
    if (state.phase === 'follow-up') {
      const asked = state.pending[0]!;
      next = { ...next, followUps: [...next.followUps, { stage, itemId: asked.itemId, question: asked.question, answer: trimmed }], pending: state.pending.slice(1) };
      if (next.pending.length > 0) {
        messages.push({ kind: 'interviewer', text: question(next) });
        return next;
      }
      return advance(next, messages);
    }
    if (trimmed) next = { ...next, answers: { ...next.answers, [stage]: append(next.answers[stage], trimmed) } };
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

/** The session's clocks at a moment: time used and left in the session and in the current stage. */
export interface Clocks {
  usedMs: number;
  stageUsedMs: number;
  leftMs: number;
  stageLeftMs: number;
}

/**
 * The clocks at `now`, counting the time since the last event while the session runs. The one place
 * that does this arithmetic: the reducer accounts time with it and the live view shows it.
 */
export function clocksAt(state: InterviewState, now: number): Clocks {
  const running = state.status === 'active' && state.clockAt !== null ? Math.max(0, now - state.clockAt) : 0;
  const usedMs = Math.min(state.durationMs, state.usedMs + running);
  const stageUsedMs = (state.stageMs[state.stage] ?? 0) + (usedMs - state.usedMs);
  return { usedMs, stageUsedMs, leftMs: state.durationMs - usedMs, stageLeftMs: state.budgets[state.stage] - stageUsedMs };
}

/** True once the candidate has said or typed anything: a session without it is not worth keeping. */
export function hasContent(state: InterviewState): boolean {
  return (
    state.clarify.length > 0 ||
    Object.values(state.answers).some((a) => (a ?? '').trim() !== '') ||
    state.followUps.some((f) => f.answer.trim() !== '') ||
    state.draft.trim() !== ''
  );
}

/** Adds the time since the last event to the session and the stage; warns and times out. */
function account(state: InterviewState, now: number, messages: Message[]): InterviewState {
  if (state.clockAt === null || state.status !== 'active') return state;
  const stage = state.stage;
  const { usedMs, stageUsedMs: stageUsed } = clocksAt(state, now);
  let next: InterviewState = { ...state, usedMs, clockAt: now, stageMs: { ...state.stageMs, [stage]: stageUsed } };
  const warned = new Set(next.warned);
  if (stageUsed > next.budgets[stage] && !warned.has(`over:${stage}`)) {
    warned.add(`over:${stage}`);
    messages.push({ kind: 'warning', text: `You are past the ${formatClock(next.budgets[stage])} budget for ${stageInfo(stage).title}. Wrap up and move on when you can.` });
  }
  const left = next.durationMs - usedMs;
  for (const mark of WARN_AT_LEFT_MS) {
    if (left <= mark && left > 0 && next.durationMs > mark && !warned.has(`left:${mark}`)) {
      warned.add(`left:${mark}`);
      messages.push({ kind: 'warning', text: `${formatClock(mark)} left in the interview.` });
    }
  }
  next = { ...next, warned: [...warned] };
  if (left <= 0) {
    // Time is up: what was being typed is kept as the answer, as an interviewer would hear it.
    const draft = next.draft.trim();
    if (draft) {
      if (next.phase === 'follow-up' && next.pending[0]) {
        next = { ...next, followUps: [...next.followUps, { stage, itemId: next.pending[0].itemId, question: next.pending[0].question, answer: draft }] };
      } else if (stage === 'clarify') {
        next = { ...next, answers: { ...next.answers, clarify: append(next.answers.clarify, draft) } };
      } else {
        next = { ...next, answers: { ...next.answers, [stage]: append(next.answers[stage], draft) } };
      }
    }
    messages.push({ kind: 'warning', text: "Time's up. The stages you didn't reach score zero, as in a real interview." });
    return { ...next, draft: '', status: 'timed-out', pending: [], clockAt: null };
  }
  return next;
}

function append(existing: string | undefined, text: string): string {
  return existing ? `${existing}\n\n${text}` : text;
}

/** The clarify stage as the scorer reads it: the questions asked and any stated assumptions. */
export function clarifyTranscript(state: InterviewState): string {
  const asked = state.clarify.map((e) => `- ${e.question}`);
  const stated = state.answers.clarify ? [state.answers.clarify] : [];
  return [...asked, ...stated].join('\n');
}
