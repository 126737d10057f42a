import type { ItemTier, Prompt } from '../content/schema.js';
import type { CompiledScope } from '../scoring/compile.js';
import type { CandidateLevel } from '../scoring/report.js';
import { levelWeight } from '../scoring/verdict.js';
import { isStageId, STAGE_IDS, stageInfo, type StageId } from '../stages.js';
import { stageBudgets } from './budgets.js';
import { formatClock } from '../text/clock-format.js';
import { clarifyMatcher } from './clarify.js';
import { accountTime, clocksAt, type ClockedSession } from './session-clock.js';

/**
 * The interviewer's live sheet for a peer mock interview, as a pure state machine. The person
 * asking the questions marks checklist items as they hear them, flags mistakes, keeps a note per
 * stage and looks up facts; the clock is whatever the events say it is, so tests walk whole
 * interviews without waiting. Every change of state is an event; nothing here touches a terminal.
 */

export const SHEET_SCHEMA = 1;

/** What the interviewer heard about one checklist item. */
export type Mark = 'covered' | 'prompted' | 'wrong';
export const MARKS: readonly Mark[] = ['covered', 'prompted', 'wrong'];

/** One mark on an item: which, in which stage it was heard, when (interview time), and an optional note. */
export interface SheetMark {
  mark: Mark;
  stage: StageId;
  atMs: number;
  note?: string;
}

/** A red flag the interviewer heard. */
export interface SheetFlag {
  stage: StageId;
  atMs: number;
  note?: string;
}

/** A fact the candidate asked for and what the sheet said to read out. */
export interface FactAsked {
  question: string;
  /** The prompt's clarification topic, or null when it is the candidate's call. */
  topic: string | null;
  answer: string;
  stage: StageId;
  atMs: number;
}

/**
 * A note or question the interviewer was typing when the interview stopped: which box (a fact to look
 * up, the stage note, the note of a red flag or of a wrong mark, with the flag's or item's id) and
 * its text. Kept so that quitting during a pause loses nothing; the box reopens on resume.
 */
export interface SheetDraft {
  purpose: 'fact' | 'note' | 'flag-note' | 'wrong-note';
  text: string;
  target?: string;
}

/** The whole sheet: saved as it goes, and enough to resume it or report on it. */
export interface PeerSheetState extends ClockedSession {
  schema: typeof SHEET_SCHEMA;
  id: string;
  promptId: string;
  level: CandidateLevel;
  /** Who is being interviewed, as the interviewer typed it. */
  candidate: string | null;
  createdAt: string;
  /** The stage on screen, where time is being spent. */
  stage: StageId;
  /** Stages the interview has been in, in the order first reached. */
  visited: StageId[];
  marks: Record<string, SheetMark>;
  flags: Record<string, SheetFlag>;
  notes: Partial<Record<StageId, string>>;
  facts: FactAsked[];
  /** Warnings already given, so each is given once. */
  warned: string[];
  /** The candidate's own notes or transcript, scored alongside at the end (`--answers`). */
  answersFile?: string;
  /** Being typed when the interview stopped. */
  draft?: SheetDraft;
  /**
   * The row the interviewer's pointer was on in each stage visited (`item:<id>` or `flag:<id>`), so a
   * resumed sheet opens where it was left rather than on each stage's first row.
   */
  pointer?: Partial<Record<StageId, string>>;
}

export type SheetEvent =
  | { type: 'tick'; now: number }
  | { type: 'mark'; item: string; mark: Mark; note?: string; now: number }
  | { type: 'clear'; item: string; now: number }
  | { type: 'flag'; flag: string; note?: string; now: number }
  | { type: 'unflag'; flag: string; now: number }
  | { type: 'note'; stage: StageId; text: string; now: number }
  | { type: 'goto'; stage: StageId; now: number }
  | { type: 'next'; now: number }
  | { type: 'prev'; now: number }
  | { type: 'fact'; question: string; now: number }
  | { type: 'interrupt'; now: number }
  | { type: 'resume'; now: number }
  | { type: 'finish'; now: number }
  /** What is being typed in a box (null: none); accepted while paused, so it is kept when the interviewer quits then. */
  | { type: 'draft'; draft: SheetDraft | null }
  /** The pointer moved to a row of a stage (`item:<id>` or `flag:<id>`); accepted in any status but finished. */
  | { type: 'pointer'; stage: StageId; row: string };

/** What the sheet tells the interviewer after an event: a warning, a fact to read out, or news. */
export interface SheetMessage {
  kind: 'warning' | 'fact' | 'info';
  text: string;
}

export interface SheetStep {
  state: PeerSheetState;
  messages: SheetMessage[];
}

/** A checklist item as the sheet shows it. */
export interface SheetItem {
  id: string;
  /** The rubric the item comes from. */
  rubric: string;
  stage: StageId;
  label: string;
  level: ItemTier;
  weight: number;
  /** Weight at the candidate's level: what the item is worth in this interview. */
  effectiveWeight: number;
  followUp: string;
  why: string;
  hint: string;
}

/** A red flag to listen for, placed in the stage where it is likely to come up (null: any stage). */
export interface SheetRedFlag {
  id: string;
  rubric: string;
  label: string;
  stage: StageId | null;
  severity: 'minor' | 'major';
  why: string;
}

/** A fact of the prompt, to give only when asked. */
export interface SheetFact {
  topic: string;
  answer: string;
}

export interface PeerSheet {
  start(options: { id: string; level: CandidateLevel; durationMinutes: number; candidate: string | null; now: number; createdAt: string; answersFile?: string }): SheetStep;
  reduce(state: PeerSheetState, event: SheetEvent): SheetStep;
  /** A stage's checklist, heaviest first (at the candidate's level); the order never changes. */
  items(stage: StageId, level: CandidateLevel): SheetItem[];
  /**
   * The red flags to listen for in a stage: the stage's own first, then those that can come up anywhere
   * (none in clarify, which is questions only).
   */
  flags(stage: StageId): SheetRedFlag[];
  /** Items of the stage nobody has marked yet, heaviest first: their follow-ups are what to ask. */
  open(state: PeerSheetState, stage: StageId): SheetItem[];
  facts: SheetFact[];
  /** What to read out for a question (a few words are enough): the matching fact, or their call. */
  lookup(question: string): { topic: string | null; answer: string };
  allItems: SheetItem[];
  allFlags: SheetRedFlag[];
}

export const CANDIDATES_CALL_FOR_INTERVIEWER = "Their call: ask them to state an assumption, and accept anything reasonable.";

export function createPeerSheet(prompt: Pick<Prompt, 'id' | 'clarifications'>, scope: CompiledScope): PeerSheet {
  const matcher = clarifyMatcher(prompt);
  const itemStage = new Map(scope.items.map((c) => [c.item.id, c.item.stage]));
  const allItems: SheetItem[] = scope.items.map(({ item, rubric }) => ({
    id: item.id,
    rubric,
    stage: item.stage,
    label: item.label,
    level: item.level,
    weight: item.weight,
    effectiveWeight: item.weight,
    followUp: item.followUp,
    why: item.why,
    hint: item.hint,
  }));
  const allFlags: SheetRedFlag[] = scope.flags.map(({ flag, rubric }) => ({
    id: flag.id,
    rubric,
    label: flag.label,
    // A flag with no stage belongs where the item that would excuse it is asked about.
    stage: flag.stage ?? flag.unlessItems.map((id) => itemStage.get(id)).find((s): s is StageId => !!s) ?? null,
    severity: flag.severity,
    why: flag.why,
  }));
  const flagIds = new Set(allFlags.map((f) => f.id));

  const items = (stage: StageId, level: CandidateLevel): SheetItem[] =>
    allItems
      .filter((i) => i.stage === stage)
      .map((i) => ({ ...i, effectiveWeight: i.weight * levelWeight(level, i.level) }))
      .map((i, index) => ({ i, index }))
      .sort((a, b) => b.i.effectiveWeight - a.i.effectiveWeight || a.index - b.index)
      .map(({ i }) => i);

  const lookup = (question: string) => {
    const reply = matcher.reply(question);
    return reply.topic ? { topic: reply.topic, answer: reply.answer } : { topic: null, answer: CANDIDATES_CALL_FOR_INTERVIEWER };
  };

  // The stage's own flags first, then those that can come up anywhere: but not in clarify, where the candidate
  // asks questions and has designed nothing yet (its list began with evaluation flags).
  const flags = (stage: StageId) => [...allFlags.filter((f) => f.stage === stage), ...(stage === 'clarify' ? [] : allFlags.filter((f) => f.stage === null))];

  const open = (state: PeerSheetState, stage: StageId) => items(stage, state.level).filter((i) => !state.marks[i.id]);

  const start: PeerSheet['start'] = ({ id, level, durationMinutes, candidate, now, createdAt, answersFile }) => {
    const state: PeerSheetState = {
      schema: SHEET_SCHEMA,
      id,
      promptId: prompt.id,
      level,
      candidate: candidate?.trim() || null,
      durationMs: Math.round(durationMinutes * 60_000),
      budgets: stageBudgets(durationMinutes),
      createdAt,
      status: 'active',
      usedMs: 0,
      stage: 'clarify',
      stageMs: {},
      visited: ['clarify'],
      marks: {},
      flags: {},
      notes: {},
      facts: [],
      warned: [],
      clockAt: now,
      ...(answersFile ? { answersFile } : {}),
    };
    return { state, messages: [] };
  };

  const reduce = (previous: PeerSheetState, event: SheetEvent): SheetStep => {
    if (previous.status === 'finished') return { state: previous, messages: [] };
    if (event.type === 'draft') {
      const { draft: _old, ...rest } = previous;
      return { state: event.draft && event.draft.text.trim() ? { ...rest, draft: event.draft } : rest, messages: [] };
    }
    if (event.type === 'pointer') {
      if (!isStageId(event.stage) || previous.pointer?.[event.stage] === event.row) return { state: previous, messages: [] };
      return { state: { ...previous, pointer: { ...previous.pointer, [event.stage]: event.row } }, messages: [] };
    }
    if (event.type === 'resume') {
      if (previous.status !== 'interrupted') return { state: previous, messages: [] };
      const left = previous.durationMs - previous.usedMs;
      return { state: { ...previous, status: 'active', clockAt: event.now }, messages: [{ kind: 'info', text: `Resumed with ${formatClock(left)} left.` }] };
    }
    if (event.type === 'interrupt') {
      if (previous.status !== 'active') return { state: previous, messages: [] };
      const messages: SheetMessage[] = [];
      const state = account(previous, event.now, messages);
      if (state.status !== 'active') return { state, messages };
      return { state: { ...state, status: 'interrupted', clockAt: null }, messages };
    }
    // While paused nothing changes; once time is up the interviewer may still finish the marks.
    if (previous.status === 'interrupted') return { state: previous, messages: [] };
    const messages: SheetMessage[] = [];
    let state = account(previous, event.now, messages);
    const at = state.usedMs;

    switch (event.type) {
      case 'tick':
        break;
      case 'mark': {
        const stage = itemStage.get(event.item);
        if (!stage) break;
        const note = event.note?.trim();
        state = { ...state, marks: { ...state.marks, [event.item]: { mark: event.mark, stage: state.stage, atMs: at, ...(note ? { note } : {}) } } };
        break;
      }
      case 'clear': {
        if (!state.marks[event.item]) break;
        const { [event.item]: _removed, ...rest } = state.marks;
        state = { ...state, marks: rest };
        break;
      }
      case 'flag': {
        if (!flagIds.has(event.flag)) break;
        const note = event.note?.trim();
        state = { ...state, flags: { ...state.flags, [event.flag]: { stage: state.stage, atMs: at, ...(note ? { note } : {}) } } };
        break;
      }
      case 'unflag': {
        if (!state.flags[event.flag]) break;
        const { [event.flag]: _removed, ...rest } = state.flags;
        state = { ...state, flags: rest };
        break;
      }
      case 'note': {
        if (!isStageId(event.stage)) break;
        const text = event.text.replace(/\s+/g, ' ').trim();
        const { [event.stage]: _old, ...rest } = state.notes;
        state = { ...state, notes: text ? { ...rest, [event.stage]: text } : rest };
        break;
      }
      case 'goto':
        state = moveTo(state, event.stage);
        break;
      case 'next': {
        const next = STAGE_IDS[STAGE_IDS.indexOf(state.stage) + 1];
        if (next) state = moveTo(state, next);
        break;
      }
      case 'prev': {
        const prev = STAGE_IDS[STAGE_IDS.indexOf(state.stage) - 1];
        if (prev) state = moveTo(state, prev);
        break;
      }
      case 'fact': {
        const question = event.question.replace(/\s+/g, ' ').trim();
        if (!question) break;
        const { topic, answer } = lookup(question);
        state = { ...state, facts: [...state.facts, { question, topic, answer, stage: state.stage, atMs: at }] };
        messages.push({ kind: 'fact', text: answer });
        break;
      }
      case 'finish':
        state = { ...state, status: state.status === 'timed-out' ? 'timed-out' : 'finished', clockAt: null };
        break;
    }
    return { state, messages };
  };

  const facts = prompt.clarifications.map((c) => ({ topic: c.topic, answer: c.answer }));
  return { start, reduce, items, flags, open, facts, lookup, allItems, allFlags };
}

function moveTo(state: PeerSheetState, stage: StageId): PeerSheetState {
  if (stage === state.stage) return state;
  const visited = state.visited.includes(stage) ? state.visited : [...state.visited, stage];
  return { ...state, stage, visited };
}

/** Adds the time since the last event to the interview and the stage on screen; warns and times out. */
function account(state: PeerSheetState, now: number, messages: SheetMessage[]): PeerSheetState {
  const accounted = accountTime(state, now);
  if (!accounted) return state;
  for (const w of accounted.warnings) {
    messages.push(
      w.kind === 'over'
        ? { kind: 'warning', text: `${stageInfo(w.stage).title} is past its ${formatClock(state.budgets[w.stage])} budget: ask them to wrap up and move on.` }
        : { kind: 'warning', text: `${formatClock(w.ms)} left in the interview.` },
    );
  }
  const next: PeerSheetState = { ...state, usedMs: accounted.usedMs, clockAt: accounted.clockAt, stageMs: accounted.stageMs, warned: accounted.warned };
  if (accounted.timedOut) {
    messages.push({ kind: 'warning', text: "Time's up. Finish your marks, then end the interview for the report." });
    return { ...next, status: 'timed-out', clockAt: null };
  }
  return next;
}

/** Time left in the interview and in the stage on screen (negative: over budget), as last accounted. */
export function clocks(state: PeerSheetState): { left: number; stageLeft: number } {
  const { leftMs, stageLeftMs } = clocksAt(state);
  return { left: leftMs, stageLeft: stageLeftMs };
}

/** Words for marks, readable without colour (their symbols are the views': ui/status-marks.ts). */
export const MARK_WORD: Record<Mark, string> = { covered: 'covered', prompted: 'after prompting', wrong: 'wrong' };
