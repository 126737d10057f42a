import { describe, expect, it } from 'vitest';
import { promptSchema } from '../../src/content/schema.js';
import { compareMarks } from '../../src/interview/peer-compare.js';
import { sheetReport } from '../../src/interview/peer-report.js';
import { calibratedOverall, calibratedStage } from '../../src/scoring/scale.js';
import { CANDIDATES_CALL_FOR_INTERVIEWER, clocks, createPeerSheet, type PeerSheetState, type SheetEvent, type SheetMessage } from '../../src/interview/peer-sheet.js';
import { readSheet } from '../../src/store/peer-sheet-schema.js';
import { itemOf, score, testScope } from '../helpers/rubric.js';

const prompt = promptSchema.parse({
  id: 'test-prompt',
  title: 'Test prompt',
  prompt: 'Design ad click prediction for our feed.',
  difficulty: 'medium',
  clarifications: [
    { topic: 'scale', patterns: ['how many users', 'daily active users', 'scale', 'traffic'], answer: 'About 300 million daily active users.' },
    { topic: 'latency', patterns: ['latency', 'how fast', 'response time'], answer: 'Ads must be ranked within 50 ms.' },
  ],
  outline: { clarify: ['a'], frame: ['a'], data: ['a'], model: ['a'], evaluation: ['a'], serving: ['a'], monitoring: ['a'] },
});
const sheet = createPeerSheet(prompt, testScope);
const MIN = 60_000;

function begin(durationMinutes = 45) {
  return sheet.start({ id: 'p1', level: 'senior', durationMinutes, candidate: '  Sam ', now: 0, createdAt: '2026-01-01T00:00:00.000Z' }).state;
}

function walk(state: PeerSheetState, events: SheetEvent[]) {
  const messages: SheetMessage[] = [];
  for (const event of events) {
    const step = sheet.reduce(state, event);
    state = step.state;
    messages.push(...step.messages);
  }
  return { state, messages };
}

const report = (state: PeerSheetState) => sheetReport({ prompt, items: sheet.allItems, flags: sheet.allFlags, state });

describe('the checklist the interviewer sees', () => {
  it('lists a stage heaviest first at the level, and places flags where they come up', () => {
    expect(sheet.items('model', 'senior').map((i) => i.id)).toEqual(['baseline', 'model-choice']);
    // exploration is a staff item: worth half at senior, so it sorts last.
    expect(sheet.items('evaluation', 'senior').map((i) => [i.id, i.effectiveWeight])).toEqual([['offline-metrics', 4], ['ab-test', 4], ['exploration', 1]]);
    // Tryout 12: a stage's own flags come first, and clarify (questions only) lists no flag that can come up anywhere.
    expect(sheet.flags('clarify').map((f) => f.id)).toEqual(['model-while-clarifying']);
    // A flag without a stage goes where the item that excuses it is asked about.
    expect(sheet.flags('model').map((f) => f.id)).toEqual(['no-baseline', 'accuracy-only']);
    expect(sheet.flags('data').map((f) => f.id)).toEqual(['accuracy-only']);
  });

  it('gives facts by the same routing as practice, and says when it is their call', () => {
    const { state, messages } = walk(begin(), [
      { type: 'fact', question: 'how many users', now: 10_000 },
      { type: 'fact', question: 'can we use GPUs?', now: 20_000 },
      { type: 'fact', question: '   ', now: 21_000 },
    ]);
    expect(messages).toEqual([
      { kind: 'fact', text: 'About 300 million daily active users.' },
      { kind: 'fact', text: CANDIDATES_CALL_FOR_INTERVIEWER },
    ]);
    expect(state.facts.map((f) => [f.topic, f.stage, f.atMs])).toEqual([['scale', 'clarify', 10_000], [null, 'clarify', 20_000]]);
  });
});

describe('a whole peer interview', () => {
  it('walks marks, prompted marks, flags, notes and wandering stages; the report follows from the marks', () => {
    const s0 = begin();
    expect(s0.candidate).toBe('Sam');
    const { state, messages } = walk(s0, [
      { type: 'mark', item: 'business-objective', mark: 'covered', now: 1 * MIN },
      { type: 'mark', item: 'scale', mark: 'prompted', now: 2 * MIN },
      { type: 'note', stage: 'clarify', text: '  asked good questions,\n quickly ', now: 2 * MIN },
      { type: 'next', now: 4 * MIN },
      { type: 'next', now: 6 * MIN },
      { type: 'mark', item: 'labels', mark: 'covered', now: 8 * MIN },
      { type: 'mark', item: 'data-leakage', mark: 'wrong', note: 'random split on clicks', now: 9 * MIN },
      // The candidate jumps ahead to the model, then comes back to data.
      { type: 'goto', stage: 'model', now: 10 * MIN },
      { type: 'mark', item: 'baseline', mark: 'covered', now: 11 * MIN },
      { type: 'flag', flag: 'no-baseline', note: 'went straight to a transformer', now: 11 * MIN },
      { type: 'unflag', flag: 'no-baseline', now: 12 * MIN },
      { type: 'flag', flag: 'accuracy-only', now: 12 * MIN },
      { type: 'prev', now: 13 * MIN },
      { type: 'mark', item: 'labels', mark: 'prompted', now: 14 * MIN },
      { type: 'mark', item: 'model-choice', mark: 'covered', now: 15 * MIN },
      { type: 'clear', item: 'model-choice', now: 15 * MIN },
      { type: 'goto', stage: 'evaluation', now: 16 * MIN },
      { type: 'mark', item: 'offline-metrics', mark: 'covered', now: 17 * MIN },
      { type: 'mark', item: 'ab-test', mark: 'covered', now: 18 * MIN },
      { type: 'mark', item: 'no-such-item', mark: 'covered', now: 18 * MIN },
      { type: 'finish', now: 20 * MIN },
    ]);
    expect(state.status).toBe('finished');
    expect(state.clockAt).toBeNull();
    expect(state.visited).toEqual(['clarify', 'frame', 'data', 'model', 'evaluation']);
    expect(state.stageMs).toEqual({ clarify: 4 * MIN, frame: 2 * MIN, data: 4 * MIN + 3 * MIN, model: 3 * MIN, evaluation: 4 * MIN });
    expect(state.usedMs).toBe(20 * MIN);
    expect(state.notes.clarify).toBe('asked good questions, quickly');
    // The last mark wins; a cleared mark is gone; an unknown item is ignored.
    expect(state.marks.labels).toMatchObject({ mark: 'prompted', stage: 'data' });
    expect(state.marks['model-choice']).toBeUndefined();
    expect(state.marks['no-such-item']).toBeUndefined();
    expect(state.marks['data-leakage']).toMatchObject({ mark: 'wrong', note: 'random split on clicks' });
    expect(Object.keys(state.flags)).toEqual(['accuracy-only']);
    expect(state.flags['accuracy-only']!.stage).toBe('model');
    // The data budget (8 of 45 minutes) was not passed; nothing else was over either.
    expect(messages.filter((m) => m.kind === 'warning')).toEqual([]);

    const r = report(state);
    const stage = (id: string) => r.stages.find((s) => s.id === id)!;
    // Marks give each stage's coverage; the scorer's calibrated scale turns coverage into the score.
    // clarify: covered 4 (full) + prompted 3 at half credit, of 7.
    expect(stage('clarify').coverage).toBe(Math.round((100 * (4 + 3 * 0.5)) / 7));
    // data: labels prompted (4 x 0.5), leakage wrong (0), of 7.
    expect(stage('data').coverage).toBe(Math.round((100 * 2) / 7));
    expect(stage('model').coverage).toBe(Math.round((100 * 5) / 8));
    // evaluation: exploration is staff, worth 1 at senior: 8 of 9.
    expect(stage('evaluation').coverage).toBe(Math.round((100 * 8) / 9));
    expect(stage('clarify').score).toBe(calibratedStage((100 * (4 + 3 * 0.5)) / 7, 0, 'clarify'));
    // The major flag was heard in model: it costs that stage too.
    expect(stage('model').score).toBe(calibratedStage((100 * 5) / 8, 1, 'model'));
    expect(stage('serving')).toMatchObject({ score: 0, answered: false });
    expect(stage('frame').answered).toBe(true);
    expect(itemOf(r, 'scale')).toMatchObject({ status: 'prompted', evidence: 'Interviewer: after prompting at 2:00' });
    expect(itemOf(r, 'data-leakage')).toMatchObject({ status: 'missed', credit: 0, evidence: 'Interviewer: wrong at 9:00: random split on clicks' });
    expect(r.redFlags.map((f) => [f.id, f.severity])).toEqual([['accuracy-only', 'major'], ['wrong-data-leakage', 'minor']]);
    // The penalty is what the heard mistakes (one major, one minor) take off on the calibrated scale.
    const coverage = r.coverage!;
    expect(r.penalty).toBeGreaterThan(0);
    // r.coverage is rounded to a whole percent and the scale is steep in places, so the overall it maps
    // to may differ by one point from the report's, which uses the unrounded coverage.
    expect(Math.abs(r.overall - Math.round(calibratedOverall(coverage, { major: 1, minor: 1 }, 'senior')))).toBeLessThanOrEqual(1);
    expect(r.overall).toBeLessThan(Math.round(calibratedOverall(coverage, { major: 0, minor: 0 }, 'senior')));
    // A major red flag caps the verdict, as in the scorer.
    expect(['lean-hire', 'lean-no-hire', 'no-hire']).toContain(r.verdict);
  });

  it('a perfect sheet earns a strong verdict, and one more mark never lowers the score', () => {
    let state = begin();
    let last = report(state).overall;
    for (const item of sheet.allItems) {
      state = walk(state, [{ type: 'goto', stage: item.stage, now: state.usedMs + MIN }, { type: 'mark', item: item.id, mark: 'covered', now: state.usedMs + MIN }]).state;
      const now = report(state).overall;
      expect(now).toBeGreaterThanOrEqual(last);
      last = now;
    }
    const r = report(state);
    // frame has no items in the test rubric, so its coverage is 0 and the best coverage is 100 minus its share.
    expect(r.coverage).toBe(Math.round(100 - (100 * 4) / 45));
    expect(r.overall).toBe(Math.round(calibratedOverall(100 - (100 * 4) / 45, { major: 0, minor: 0 }, 'senior')));
    expect(r.verdict).toBe('strong-hire');
  });

  it('warns once when a stage runs over and near the end, and times out keeping the marks', () => {
    const { state, messages } = walk(begin(10), [
      { type: 'mark', item: 'scale', mark: 'covered', now: 30_000 },
      { type: 'tick', now: 2 * MIN },
      { type: 'tick', now: 2 * MIN + 1000 },
      { type: 'next', now: 3 * MIN },
      { type: 'tick', now: 6 * MIN },
      { type: 'tick', now: 9.5 * MIN },
      { type: 'tick', now: 11 * MIN },
    ]);
    const warnings = messages.filter((m) => m.kind === 'warning').map((m) => m.text);
    expect(warnings.filter((w) => w.startsWith('Clarify requirements is past'))).toHaveLength(1);
    expect(warnings).toContain('Frame as an ML task is past its 0:53 budget: ask them to wrap up and move on.');
    expect(warnings).toContain('5:00 left in the interview.');
    expect(warnings).toContain('1:00 left in the interview.');
    expect(warnings.at(-1)).toMatch(/^Time's up/);
    expect(state.status).toBe('timed-out');
    expect(state.usedMs).toBe(10 * MIN);
    expect(clocks(state).left).toBe(0);
    // After time is up the interviewer may still finish the sheet; the clock stays stopped.
    const after = walk(state, [
      { type: 'mark', item: 'labels', mark: 'covered', now: 12 * MIN },
      { type: 'finish', now: 13 * MIN },
    ]).state;
    expect(after.marks.scale!.mark).toBe('covered');
    expect(after.marks.labels!.atMs).toBe(10 * MIN);
    expect(after.status).toBe('timed-out');
    expect(after.usedMs).toBe(10 * MIN);
    const r = report(after);
    expect(r.stages.find((s) => s.id === 'model')).toMatchObject({ answered: false, score: 0 });
  });

  it('stops the clock on interrupt, ignores events while paused, and resumes with the time left', () => {
    const paused = walk(begin(), [
      { type: 'mark', item: 'business-objective', mark: 'covered', now: MIN },
      { type: 'interrupt', now: 3 * MIN },
      { type: 'mark', item: 'scale', mark: 'covered', now: 4 * MIN },
      { type: 'tick', now: 60 * MIN },
    ]).state;
    expect(paused.status).toBe('interrupted');
    expect(paused.usedMs).toBe(3 * MIN);
    expect(paused.marks.scale).toBeUndefined();
    // What is saved is plain JSON and comes back the same.
    const saved: PeerSheetState = JSON.parse(JSON.stringify(paused));
    const { state, messages } = walk(saved, [
      { type: 'resume', now: 1000 * MIN },
      { type: 'tick', now: 1001 * MIN },
      { type: 'mark', item: 'scale', mark: 'covered', now: 1001 * MIN },
    ]);
    expect(messages[0]).toEqual({ kind: 'info', text: 'Resumed with 42:00 left.' });
    expect(state.status).toBe('active');
    expect(state.usedMs).toBe(4 * MIN);
    expect(state.marks.scale!.atMs).toBe(4 * MIN);
    expect(state.marks['business-objective']!.atMs).toBe(MIN);
  });

  it('a finished sheet takes no more events', () => {
    const done = walk(begin(), [{ type: 'finish', now: MIN }]).state;
    expect(walk(done, [{ type: 'mark', item: 'scale', mark: 'covered', now: 2 * MIN }, { type: 'resume', now: 3 * MIN }]).state).toBe(done);
  });
});

describe('marks against the automatic score', () => {
  it('lists the items and flags where the interviewer and the scorer disagree', () => {
    const state = walk(begin(), [
      { type: 'mark', item: 'business-objective', mark: 'covered', now: MIN },
      { type: 'goto', stage: 'model', now: 2 * MIN },
      { type: 'mark', item: 'baseline', mark: 'prompted', now: 3 * MIN },
      { type: 'mark', item: 'model-choice', mark: 'wrong', now: 3 * MIN },
      { type: 'flag', flag: 'no-baseline', now: 4 * MIN },
    ]).state;
    const automatic = score({ sections: { model: 'We start with logistic regression as a baseline, then compare gradient boosted trees and a two tower network.', evaluation: 'We only track accuracy.' } });
    const c = compareMarks(report(state), automatic, state);
    // baseline: prompted vs covered both count as heard.
    expect(c.items.map((i) => [i.id, i.interviewer, i.automatic])).toEqual([
      ['business-objective', 'covered', 'missed'],
      ['model-choice', 'wrong', 'covered'],
    ]);
    expect(c.items[1]!.evidence).toContain('gradient boosted trees');
    expect(c.flags).toEqual([
      { id: 'no-baseline', label: 'Deep model with no baseline', by: 'interviewer' },
      { id: 'accuracy-only', label: 'Accuracy as the only metric', by: 'automatic' },
    ]);
    // Of the items either side heard of (business objective, baseline, model choice), one agrees.
    expect(c.total).toBe(3);
    expect(c.agreed).toBe(1);
    expect(c.stages.find((s) => s.id === 'model')!.automatic).toBe(automatic.stages.find((s) => s.id === 'model')!.score);
  });
});

describe('the saved sheet', () => {
  it('reads back what was saved, and refuses a damaged one with the field that is wrong', () => {
    const state = walk(begin(), [
      { type: 'mark', item: 'scale', mark: 'wrong', note: 'x', now: MIN },
      { type: 'flag', flag: 'accuracy-only', now: MIN },
      { type: 'note', stage: 'clarify', text: 'ok', now: MIN },
      { type: 'fact', question: 'how many users', now: MIN },
      { type: 'interrupt', now: 2 * MIN },
    ]).state;
    const saved: unknown = JSON.parse(JSON.stringify(state));
    expect(readSheet(saved)).toEqual({ sheet: state });
    expect(readSheet({ ...state, marks: { scale: { mark: 'maybe', stage: 'clarify', atMs: 0 } } })).toEqual({ error: expect.stringMatching(/^sheet\.marks\.scale\.mark: /) });
    expect(readSheet({ ...state, usedMs: -5 })).toEqual({ error: expect.stringMatching(/^sheet\.usedMs: /) });
    expect('error' in readSheet(null)).toBe(true);
  });
});
