import { describe, expect, it } from 'vitest';
import { sessionByPrefix } from '../../src/commands/session-lookup.js';
import { promptSchema } from '../../src/content/schema.js';
import { createInterview } from '../../src/interview/interview-machine.js';
import { createPeerSheet, type Mark } from '../../src/interview/peer-sheet.js';
import { accountTime, clocksAt, warningsGiven } from '../../src/interview/session-clock.js';
import { canResume } from '../../src/interview/session-status.js';
import { onStopSignals, SIGNAL_EXIT_CODES, type SignalName } from '../../src/interview/stop-signals.js';
import { ITEM_MARK, MARKDOWN_MARK, markdownPeerMark, PEER_MARK } from '../../src/ui/status-marks.js';
import { testScope } from '../helpers/rubric.js';

// The one copy of what used to be written in several places: the session lookup by id prefix, which
// sessions can be resumed, the stop signals, the interview clock both reducers share, the item marks.

describe('a session by id or id prefix', () => {
  const sessions = [{ id: 'm8p41aaaaaaa' }, { id: 'm8p41bbbbbbb' }, { id: 'm8p4' }];
  it('takes the exact id first, then a unique prefix', () => {
    expect(sessionByPrefix(sessions, 'm8p4')).toEqual({ id: 'm8p4' });
    expect(sessionByPrefix(sessions, 'm8p41b')).toEqual({ id: 'm8p41bbbbbbb' });
  });
  it('says the same thing everywhere when there is none or several', () => {
    expect(() => sessionByPrefix(sessions, 'm8p41')).toThrow('"m8p41" matches several sessions: m8p41aaaaaaa, m8p41bbbbbbb; give more of the id');
    expect(() => sessionByPrefix(sessions, 'zz')).toThrow('no session "zz"; see `mlsd history`');
    expect(() => sessionByPrefix(sessions, 'zz')).toThrow(expect.objectContaining({ exitCode: 2 }));
  });
});

describe('which sessions resume', () => {
  it('a practice or peer interview that is not over; never a scored answer', () => {
    expect(canResume({ kind: 'practice', status: 'interrupted' })).toBe(true);
    expect(canResume({ kind: 'interview', status: 'active' })).toBe(true);
    expect(canResume({ kind: 'practice', status: 'timed-out' })).toBe(false);
    expect(canResume({ kind: 'interview', status: 'finished' })).toBe(false);
    expect(canResume({ kind: 'score', status: 'interrupted' })).toBe(false);
  });
});

describe('the stop signals', () => {
  it('listens to SIGINT, SIGTERM and SIGHUP with one handler each, and stops listening to all', () => {
    const listening = new Map<SignalName, () => void>();
    const source = { on: (name: SignalName, fn: () => void) => listening.set(name, fn), off: (name: SignalName) => listening.delete(name) };
    const heard: SignalName[] = [];
    const stop = onStopSignals(source, { SIGINT: () => heard.push('SIGINT'), SIGTERM: () => heard.push('SIGTERM'), SIGHUP: () => heard.push('SIGHUP') });
    expect([...listening.keys()].sort()).toEqual(['SIGHUP', 'SIGINT', 'SIGTERM']);
    listening.get('SIGTERM')!();
    listening.get('SIGHUP')!();
    expect(heard).toEqual(['SIGTERM', 'SIGHUP']);
    stop();
    expect(listening.size).toBe(0);
    expect(SIGNAL_EXIT_CODES).toEqual({ SIGHUP: 129, SIGINT: 130, SIGTERM: 143 });
  });
});

describe('one interview clock for practice and the peer sheet', () => {
  const prompt = promptSchema.parse({
    id: 'p', title: 'P', prompt: 'Design it.', difficulty: 'easy', clarifications: [{ topic: 'scale', patterns: ['scale'], answer: 'Big.' }],
    outline: { clarify: ['a'], frame: ['a'], data: ['a'], model: ['a'], evaluation: ['a'], serving: ['a'], monitoring: ['a'] },
  });
  const MIN = 60_000;

  it('accounts the same time, warnings and time-out in both reducers', () => {
    const practice = createInterview(prompt, testScope);
    const peer = createPeerSheet(prompt, testScope);
    let p = practice.start({ id: 'a', level: 'senior', durationMinutes: 10, now: 0, createdAt: '2026-01-01T00:00:00.000Z' }).state;
    let s = peer.start({ id: 'a', level: 'senior', durationMinutes: 10, candidate: null, now: 0, createdAt: '2026-01-01T00:00:00.000Z' }).state;
    for (const now of [30_000, 2 * MIN, 5.5 * MIN, 9.5 * MIN]) {
      p = practice.reduce(p, { type: 'tick', now }).state;
      s = peer.reduce(s, { type: 'tick', now }).state;
      expect([s.usedMs, s.stageMs, [...s.warned].sort()]).toEqual([p.usedMs, p.stageMs, [...p.warned].sort()]);
      // What a saved session does not store, its times give back.
      expect(warningsGiven(p).sort()).toEqual([...p.warned].sort());
    }
    expect(p.warned).toEqual(expect.arrayContaining(['over:clarify', 'left:300000', 'left:60000']));
    p = practice.reduce(p, { type: 'tick', now: 11 * MIN }).state;
    s = peer.reduce(s, { type: 'tick', now: 11 * MIN }).state;
    expect([p.status, s.status, p.usedMs, s.usedMs]).toEqual(['timed-out', 'timed-out', 10 * MIN, 10 * MIN]);
  });

  it('shows the running clock between events, and stands still while paused or without a time', () => {
    const state = { status: 'active' as const, durationMs: 10 * MIN, usedMs: MIN, budgets: { clarify: MIN, frame: MIN, data: MIN, model: MIN, evaluation: MIN, serving: MIN, monitoring: MIN }, stage: 'frame' as const, stageMs: { clarify: MIN }, clockAt: 1_000 };
    expect(clocksAt(state, 31_000)).toEqual({ usedMs: 90_000, stageUsedMs: 30_000, leftMs: 510_000, stageLeftMs: 30_000 });
    expect(clocksAt(state)).toEqual({ usedMs: MIN, stageUsedMs: 0, leftMs: 9 * MIN, stageLeftMs: MIN });
    expect(clocksAt({ ...state, status: 'interrupted' }, 31_000).usedMs).toBe(MIN);
    expect(accountTime({ ...state, clockAt: null, warned: [] }, 31_000)).toBeNull();
  });
});

describe('the marks before a checklist item', () => {
  it('are one set per medium: a peer mark shows as the status it stands for', () => {
    const marks: Array<Mark | undefined> = [undefined, 'covered', 'prompted', 'wrong'];
    expect(marks.map(markdownPeerMark)).toEqual([MARKDOWN_MARK.missed, MARKDOWN_MARK.covered, MARKDOWN_MARK.prompted, MARKDOWN_MARK.negated]);
    expect(new Set(Object.values(ITEM_MARK)).size).toBe(4);
    expect(PEER_MARK.covered).toBe(ITEM_MARK.covered);
  });
});
