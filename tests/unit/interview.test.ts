import { describe, expect, it } from 'vitest';
import { promptSchema } from '../../src/content/schema.js';
import { stageBudgets } from '../../src/interview/budgets.js';
import { formatClock } from '../../src/text/clock-format.js';
import { CANDIDATES_CALL, clarifyMatcher, NOTED } from '../../src/interview/clarify.js';
import { createInterview, stageAnswer, type InterviewEvent, type InterviewState, type Message } from '../../src/interview/interview-machine.js';
import { testScope } from '../helpers/rubric.js';

const prompt = promptSchema.parse({
  id: 'test-prompt',
  title: 'Test prompt',
  prompt: 'Design ad click prediction for our feed.',
  difficulty: 'medium',
  clarifications: [
    { topic: 'scale', patterns: ['how many users', 'daily active users', 'scale', 'traffic'], answer: 'About 300 million daily active users.' },
    { topic: 'latency', patterns: ['latency', 'how fast', 'response time'], answer: 'Ads must be ranked within 50 ms.' },
    { topic: 'goal', patterns: ['business goal', 'objective', 'optimize for'], answer: 'Revenue.' },
  ],
  outline: { clarify: ['a'], frame: ['a'], data: ['a'], model: ['a'], evaluation: ['a'], serving: ['a'], monitoring: ['a'] },
});
const interview = createInterview(prompt, testScope);
const MIN = 60_000;

function begin(durationMinutes = 45, level: 'mid' | 'senior' | 'staff' = 'senior') {
  return interview.start({ id: 's1', level, durationMinutes, now: 0, createdAt: '2026-01-01T00:00:00.000Z' });
}

/** Applies events in order, collecting everything the interviewer said. */
function walk(state: InterviewState, events: InterviewEvent[]) {
  const messages: Message[] = [];
  for (const event of events) {
    const step = interview.reduce(state, event);
    state = step.state;
    messages.push(...step.messages);
  }
  return { state, messages };
}

const good = {
  frame: 'We predict the probability of a click for each candidate ad.',
  data: 'Clicks are positive examples and impressions without a click are negatives; we split by time to avoid leakage.',
  model: 'I would start with logistic regression as a baseline, then compare gradient boosted trees with a two tower neural network.',
  evaluation: 'Offline we compare log loss and AUC; online we run an A/B test on revenue.',
  serving: 'We use online prediction because features change, and precompute ad embeddings.',
  monitoring: 'We alert on feature drift and retrain daily with continual learning.',
};

describe('budgets and the clock', () => {
  it('uses the standard splits for 45 and 60 minutes', () => {
    expect(Object.values(stageBudgets(45)).map((ms) => ms / MIN)).toEqual([5, 4, 8, 10, 6, 7, 5]);
    expect(Object.values(stageBudgets(60)).map((ms) => ms / MIN)).toEqual([7, 5, 11, 14, 8, 9, 6]);
  });

  it('scales other lengths so the stages add up exactly', () => {
    for (const minutes of [2, 10, 30, 50, 90]) {
      const total = Object.values(stageBudgets(minutes)).reduce((a, b) => a + b, 0);
      expect(total).toBe(minutes * MIN);
    }
    const two = stageBudgets(2);
    expect(two.model).toBeGreaterThan(two.frame);
  });

  it('formats time as m:ss', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(65_400)).toBe('1:05');
    expect(formatClock(45 * MIN)).toBe('45:00');
    expect(formatClock(61 * MIN)).toBe('1:01:00');
    expect(formatClock(-30_000)).toBe('-0:30');
  });
});

describe('clarifying questions', () => {
  const matcher = clarifyMatcher(prompt);

  it('answers from the matching clarification', () => {
    expect(matcher.reply('Roughly how many users do we have?')).toEqual({ topic: 'scale', answer: 'About 300 million daily active users.' });
    expect(matcher.reply('What is the latency budget?').topic).toBe('latency');
    expect(matcher.reply('What should we optimize for: the business goal?').topic).toBe('goal');
  });

  it("says it is the candidate's call when nothing matches, and notes a stated assumption", () => {
    expect(matcher.reply('Can we use GPUs?')).toEqual({ topic: null, answer: CANDIDATES_CALL });
    expect(matcher.reply("I'll assume we can use GPUs for training.")).toEqual({ topic: null, answer: NOTED });
  });
});

describe('a whole session', () => {
  it('walks clarify, every stage, and ends with a score', () => {
    const { state: s0, messages: m0 } = begin();
    expect(m0[0]!.text).toContain('Design ad click prediction for our feed.');
    const { state, messages } = walk(s0, [
      { type: 'ask', text: 'How many daily active users are there?', now: 1 * MIN },
      { type: 'ask', text: 'What is the business goal?', now: 2 * MIN },
      { type: 'submit', text: 'I will assume revenue is the goal.', now: 3 * MIN },
      ...Object.entries(good).map(([, text], i) => ({ type: 'submit' as const, text, now: (5 + i * 5) * MIN })),
    ]);
    expect(messages.map((m) => m.text)).toContain('About 300 million daily active users.');
    expect(state.status).toBe('finished');
    expect(state.clarify.map((e) => e.topic)).toEqual(['scale', 'goal']);
    expect(state.followUps).toEqual([]);
    expect(state.stageMs.clarify).toBe(3 * MIN);
    expect(state.stageMs.model).toBe(5 * MIN);
    expect(state.usedMs).toBe(30 * MIN);
    const report = interview.score(state);
    const clarifyItems = report.stages.find((s) => s.id === 'clarify')!.items;
    expect(clarifyItems.find((i) => i.id === 'scale')!.status).toBe('covered');
    expect(clarifyItems.find((i) => i.id === 'business-objective')!.status).toBe('covered');
    expect(report.overall).toBeGreaterThan(60);
  });

  it('asks at most two follow-ups, heaviest first, and credits them as prompted', () => {
    const { state: s0 } = begin();
    const { state: atModel } = walk(s0, [
      { type: 'submit', text: 'What is the business goal?', now: MIN },
      { type: 'submit', text: good.frame, now: 2 * MIN },
      { type: 'submit', text: good.data, now: 3 * MIN },
    ]);
    expect(atModel.stage).toBe('model');
    const weak = interview.reduce(atModel, { type: 'submit', text: 'We train some model on it.', now: 4 * MIN });
    expect(weak.state.phase).toBe('follow-up');
    expect(weak.state.pending.map((p) => p.itemId)).toEqual(['baseline', 'model-choice']);
    expect(weak.messages.at(-1)!.text).toBe('follow-up baseline?');
    const { state: after, messages } = walk(weak.state, [
      { type: 'submit', text: 'A logistic regression baseline first.', now: 5 * MIN },
      { type: 'submit', text: 'Then gradient boosted trees versus a two tower network.', now: 6 * MIN },
    ]);
    expect(after.stage).toBe('evaluation');
    expect(messages.at(-1)!.text).toContain('evaluate');
    expect(after.followUps.map((f) => f.itemId)).toEqual(['baseline', 'model-choice']);
    const report = interview.score(after);
    const model = report.stages.find((s) => s.id === 'model')!;
    expect(model.items.find((i) => i.id === 'baseline')!.status).toBe('prompted');
    expect(model.score).toBeGreaterThan(0);
    expect(model.score).toBeLessThan(100);
  });

  // Tryout 8, F14: a follow-up answer earns every item it covers (needed prompting), and the next planned
  // follow-up is dropped when that answer already said it (this test expected the opposite until then).
  it('credits a follow-up answer to every item it covers, and does not then ask for what it said', () => {
    const { state: s0 } = begin();
    const { state: atModel } = walk(s0, [
      { type: 'submit', text: 'What is the business goal?', now: MIN },
      { type: 'submit', text: good.frame, now: 2 * MIN },
      { type: 'submit', text: good.data, now: 3 * MIN },
    ]);
    const weak = interview.reduce(atModel, { type: 'submit', text: 'We train some model on it.', now: 4 * MIN });
    expect(weak.state.pending.map((p) => p.itemId)).toEqual(['baseline', 'model-choice']);
    // Asked about the baseline: the answer also names the two model families it compares.
    const answered = interview.reduce(weak.state, { type: 'submit', text: 'A plain count of past clicks per ad is the baseline reference that gradient boosted trees and a two tower network must beat.', now: 5 * MIN });
    expect(answered.state.stage).toBe('evaluation');
    expect(answered.messages.map((m) => m.text)).not.toContain('follow-up model-choice?');
    expect(answered.state.followUps.map((f) => f.itemId)).toEqual(['baseline']);
    const model = interview.score(answered.state).stages.find((s) => s.id === 'model')!;
    expect(model.items.find((i) => i.id === 'baseline')!.status).toBe('prompted');
    expect(model.items.find((i) => i.id === 'model-choice')!.status).toBe('prompted');
  });

  it('still asks the second follow-up when the first answer did not say it', () => {
    const { state: s0 } = begin();
    const { state: atModel } = walk(s0, [
      { type: 'submit', text: 'What is the business goal?', now: MIN },
      { type: 'submit', text: good.frame, now: 2 * MIN },
      { type: 'submit', text: good.data, now: 3 * MIN },
    ]);
    const weak = interview.reduce(atModel, { type: 'submit', text: 'We train some model on it.', now: 4 * MIN });
    const answered = interview.reduce(weak.state, { type: 'submit', text: 'A logistic regression baseline first.', now: 5 * MIN });
    expect(answered.state.phase).toBe('follow-up');
    expect(answered.messages.at(-1)!.text).toBe('follow-up model-choice?');
  });

  it('does not ask a follow-up for an item covered in an earlier stage', () => {
    const { state: s0 } = begin();
    const { state } = walk(s0, [
      { type: 'submit', text: 'What is the goal?', now: MIN },
      { type: 'submit', text: 'We predict clicks; a logistic regression baseline is the reference.', now: 2 * MIN },
      { type: 'submit', text: good.data, now: 3 * MIN },
      { type: 'submit', text: 'Gradient boosted trees and a two tower network.', now: 4 * MIN },
    ]);
    expect(state.stage).toBe('evaluation');
    expect(state.followUps).toEqual([]);
  });

  it('warns once when a stage runs over its budget, and near the end', () => {
    const { state: s0 } = begin(10);
    const { messages } = walk(s0, [
      { type: 'tick', now: 1.2 * MIN },
      { type: 'tick', now: 1.4 * MIN },
      { type: 'tick', now: 5.1 * MIN },
      { type: 'tick', now: 9.1 * MIN },
      { type: 'tick', now: 9.2 * MIN },
    ]);
    const warnings = messages.filter((m) => m.kind === 'warning').map((m) => m.text);
    expect(warnings.filter((w) => w.includes('Clarify requirements'))).toHaveLength(1);
    expect(warnings).toContain('5:00 left in the interview.');
    expect(warnings).toContain('1:00 left in the interview.');
  });

  it('ends when time runs out, keeping the answer being typed; unreached stages score zero', () => {
    const { state: s0 } = begin(2);
    const { state } = walk(s0, [
      { type: 'submit', text: 'What is the business goal?', now: 10_000 },
      { type: 'submit', text: good.frame, now: 20_000 },
      { type: 'draft', text: 'Clicks are positive examples, and we split by time.' },
      { type: 'tick', now: 2 * MIN + 5_000 },
    ]);
    expect(state.status).toBe('timed-out');
    expect(stageAnswer(state, 'data')).toBe('Clicks are positive examples, and we split by time.');
    expect(state.usedMs).toBe(2 * MIN);
    const report = interview.score(state);
    for (const id of ['model', 'evaluation', 'serving', 'monitoring']) {
      const stage = report.stages.find((s) => s.id === id)!;
      expect(stage.score, id).toBe(0);
      expect(stage.answered, id).toBe(false);
    }
    expect(report.stages.find((s) => s.id === 'data')!.score).toBeGreaterThan(0);
    expect(interview.reduce(state, { type: 'submit', text: 'late', now: 3 * MIN }).state).toBe(state);
  });

  it('stops the clock while interrupted and resumes with the time that was left', () => {
    const { state: s0 } = begin(45);
    const { state: paused } = walk(s0, [
      { type: 'submit', text: 'What is the goal?', now: 2 * MIN },
      { type: 'draft', text: 'half a thought' },
      { type: 'interrupt', now: 3 * MIN },
    ]);
    expect(paused.status).toBe('interrupted');
    expect(paused.draft).toBe('half a thought');
    expect(interview.reduce(paused, { type: 'tick', now: 60 * MIN }).state).toBe(paused);
    const resumed = interview.reduce(paused, { type: 'resume', now: 500 * MIN });
    expect(resumed.state.status).toBe('active');
    expect(resumed.messages[0]!.text).toBe('Resumed with 42:00 left.');
    const later = interview.reduce(resumed.state, { type: 'tick', now: 501 * MIN });
    expect(later.state.usedMs).toBe(4 * MIN);
    expect(later.state.stageMs.frame).toBe(2 * MIN);
  });

  it('asks a mid-level candidate no staff-level follow-ups', () => {
    const { state: s0 } = begin(45, 'mid');
    const { state } = walk(s0, [
      { type: 'submit', text: 'Goal?', now: MIN },
      ...['frame', 'data', 'model'].map((k, i) => ({ type: 'submit' as const, text: good[k as keyof typeof good], now: (2 + i) * MIN })),
      { type: 'submit', text: 'We use an A/B test and log loss.', now: 6 * MIN },
    ]);
    expect(state.pending.map((p) => p.itemId)).not.toContain('exploration');
  });
});
