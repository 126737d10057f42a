import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rubricsFor } from '../../src/content/scope.js';
import { answerSetOf, createInterview, type InterviewState } from '../../src/interview/interview-machine.js';
import { compileRubrics } from '../../src/scoring/compile.js';
import { loadSummaries } from '../../src/store/index-cache.js';
import { SESSION_SCHEMA, toSessionFile } from '../../src/store/session-format.js';
import { loadSession, saveSession } from '../../src/store/session-files.js';
import type { SessionRecord } from '../../src/store/session-record.js';
import { parseSession } from '../../src/store/session-schema.js';
import { builtinCatalog } from '../helpers/builtin.js';
import { root, runMlsd } from '../helpers/cli.js';

/**
 * Session format 2 and the migration of format 1. The fixtures in tests/fixtures/sessions-v1 were
 * written by the format-1 code itself (see generate-v1.mjs there), one per kind of session a user
 * may have on disk.
 */

const fixtures = join(root, 'tests', 'fixtures', 'sessions-v1');
const FIXTURES = readdirSync(fixtures).filter((f) => f.endsWith('.json'));
const v1 = (name: string) => JSON.parse(readFileSync(join(fixtures, name), 'utf8')) as Record<string, unknown> & { id: string; answers: unknown };
const migrated = (name: string): SessionRecord => {
  const parsed = parseSession(v1(name));
  if ('error' in parsed) throw new Error(`${name}: ${parsed.error}`);
  return parsed.record;
};
/** A record through format 2 and back. */
const roundTrip = (record: SessionRecord): SessionRecord => {
  const parsed = parseSession(JSON.parse(JSON.stringify(toSessionFile(record))), record.id);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.record;
};
/** The warnings given, as a set: format 2 derives them, in its own order. */
const normalized = (record: SessionRecord) => {
  const live = record.interview ?? record.sheet;
  return JSON.parse(JSON.stringify(live ? { ...record, [record.interview ? 'interview' : 'sheet']: { ...live, warned: [...live.warned].sort() } } : record)) as unknown;
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlsd-format-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('session format 1 is migrated on read', () => {
  it('has a fixture of every kind: practice mid-stage, interrupted with a draft, finished, timed out; peer interviews; score', () => {
    const kinds = FIXTURES.map((f) => { const r = migrated(f); return `${r.kind}:${r.status}`; }).sort();
    expect(kinds).toEqual(['interview:finished', 'interview:interrupted', 'practice:active', 'practice:finished', 'practice:interrupted', 'practice:timed-out', 'score:finished']);
  });

  it.each(FIXTURES)('%s keeps everything through format 2, and the answers it stored are what format 2 derives', (name) => {
    const record = migrated(name);
    const again = roundTrip(record);
    expect(normalized(again)).toEqual(normalized(record));
    // Format 1 stored the answers beside the interview; format 2 derives them, and they are the same.
    expect(JSON.parse(JSON.stringify(again.answers))).toEqual(v1(name).answers);
  });

  it('keeps the draft, the follow-up being asked and the time left of an unfinished practice session', () => {
    const interrupted = roundTrip(migrated('practice-interrupted-draft.json')).interview!;
    expect(interrupted).toMatchObject({ status: 'interrupted', stage: 'model', phase: 'answer', draft: 'Baseline: logistic regression on hashed features,\nthen a', usedMs: 975_000 });
    const active = roundTrip(migrated('practice-mid-stage.json')).interview!;
    expect(active).toMatchObject({ status: 'active', stage: 'data', phase: 'follow-up', draft: 'Positives are rare, about one' });
    expect(active.pending).toHaveLength(1);
    expect(active.clockAt).toBe(Date.parse('2026-03-02T09:12:30.000Z'));
  });

  it('writes format 2: what was said per stage, with no reducer state, no phase and no second copy of the answers', () => {
    const file = JSON.parse(JSON.stringify(toSessionFile(migrated('practice-interrupted-draft.json')))) as Record<string, unknown>;
    expect(file.schema).toBe(SESSION_SCHEMA);
    expect(Object.keys(file)).toEqual(['schema', 'id', 'kind', 'createdAt', 'updatedAt', 'prompt', 'level', 'status', 'practice']);
    const practice = file.practice as { stages: Array<Record<string, unknown>>; leftMs: number };
    expect(practice.stages.map((s) => s.stage)).toEqual(['clarify', 'frame', 'data', 'model']);
    expect(practice.stages.map((s) => [s.startedAtMs, s.endedAtMs])).toEqual([[0, 210_000], [210_000, 420_000], [420_000, 780_000], [780_000, null]]);
    expect(practice.stages[3]).toMatchObject({ draft: 'Baseline: logistic regression on hashed features,\nthen a' });
    expect(practice.leftMs).toBe(1_725_000);
    expect(JSON.stringify(file)).not.toMatch(/"(phase|warned|usedMs|interview)"/);
    const peer = JSON.parse(JSON.stringify(toSessionFile(migrated('interview-finished.json')))) as { sheet: Record<string, unknown>; candidate: string };
    expect(peer.candidate).toBe('Sam');
    expect(Object.keys(peer.sheet)).not.toEqual(expect.arrayContaining(['id', 'promptId', 'level', 'status', 'createdAt', 'candidate', 'warned', 'usedMs']));
  });

  it('resumes a migrated session where it stopped, and the reducer carries on', () => {
    const record = roundTrip(migrated('practice-interrupted-draft.json'));
    const prompt = builtinCatalog.prompts.get(record.prompt)!.value;
    const interview = createInterview(prompt, compileRubrics(rubricsFor(builtinCatalog, prompt)));
    let state: InterviewState = interview.reduce(record.interview!, { type: 'resume', now: 1_000 }).state;
    state = interview.reduce(state, { type: 'submit', text: 'A logistic regression baseline, then gradient boosted trees trained with log loss.', now: 61_000 }).state;
    expect(state.answers.model).toEqual([{ text: 'A logistic regression baseline, then gradient boosted trees trained with log loss.', atMs: 1_035_000 }]);
    expect(answerSetOf(state).sections.model).toContain('gradient boosted trees');
    expect(state.usedMs).toBe(1_035_000);
  });

  it('saves a migrated session as format 2 and reads it back the same, through the index too', async () => {
    const sessions = join(dir, 'sessions');
    mkdirSync(sessions);
    for (const name of FIXTURES) copyFileSync(join(fixtures, name), join(sessions, `${v1(name).id}.json`));
    const before = await loadSummaries(sessions);
    expect(before.problems).toEqual([]);
    for (const name of FIXTURES) {
      const loaded = await loadSession(sessions, v1(name).id);
      if (!('record' in loaded)) throw new Error(loaded.problem);
      await saveSession(sessions, loaded.record);
      expect(JSON.parse(readFileSync(loaded.file, 'utf8'))).toMatchObject({ schema: 2 });
    }
    const after = await loadSummaries(sessions);
    expect(JSON.parse(JSON.stringify(after.summaries))).toEqual(JSON.parse(JSON.stringify(before.summaries)));
  });
});

describe('a session file that does not parse', () => {
  it('is skipped with a one-line warning naming it, and the others still count', () => {
    const home = join(dir, 'home');
    mkdirSync(join(home, 'sessions'), { recursive: true });
    copyFileSync(join(fixtures, 'score.json'), join(home, 'sessions', `${v1('score.json').id}.json`));
    const good = toSessionFile(migrated('practice-finished.json'));
    // Valid JSON, wrong inside: the stages of a practice session out of order.
    const stages = good.practice!.stages;
    writeFileSync(join(home, 'sessions', 'm7broken0001.json'), JSON.stringify({ ...good, id: 'm7broken0001', practice: { ...good.practice, stages: [stages[1], stages[0], ...stages.slice(2)] } }));
    const r = runMlsd(home, ['history']);
    expect(r.code).toBe(0);
    const warnings = r.stderr.split('\n').filter((l) => l.startsWith('warning:'));
    expect(warnings).toEqual([`warning: skipped ${join(home, 'sessions', 'm7broken0001.json')}: not a valid mlsd session (practice.stages.0.stage: expected "clarify", the stages in order from clarify)`]);
    expect(r.stdout).toContain(v1('score.json').id);
    expect(r.stdout).not.toContain('m7broken0001');
  });
});
