import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promptSchema } from '../../src/content/schema.js';
import { stageBudgets } from '../../src/interview/budgets.js';
import { createInterview } from '../../src/interview/interview-machine.js';
import { writeFileAtomic, WriteError, type WriteFn } from '../../src/files/atomic.js';
import { readTextFile, ReadError } from '../../src/files/read.js';
import { loadSummaries } from '../../src/store/index-cache.js';
import { emptyTotals } from '../../src/progress/stats.js';
import { newSessionId, type SessionRecord } from '../../src/store/session-record.js';
import { toSessionFile } from '../../src/store/session-format.js';
import { isSessionId, parseSession } from '../../src/store/session-schema.js';
import { loadSession, saveSession } from '../../src/store/session-files.js';
import { score, testScope } from '../helpers/rubric.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlsd-reliability-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const T = '2026-01-01T10:00:00.000Z';
const scored = (id: string, text = 'We start with a logistic regression baseline.'): SessionRecord => ({
  id, kind: 'score', createdAt: T, updatedAt: T, prompt: 'p', level: 'senior', status: 'finished',
  answers: { sections: { model: text } }, report: score({ sections: { model: text } }),
});

/** A write that fails the way a full disk does: part of the file, then ENOSPC. */
const fullDisk: WriteFn = async (path, content) => {
  writeFileSync(path, content.slice(0, 10));
  throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
};

describe('session files are parsed with their schema (issue 13.8)', () => {
  const base = JSON.parse(JSON.stringify(toSessionFile(scored('abc')))) as Record<string, unknown>;

  it.each([
    ['report: {}', { report: {} }, /report\.prompt/],
    ['answers: null', { answers: null }, /answers/],
    ['a practice session without its interview', { kind: 'practice' }, /practice: a practice session needs its interview/],
    ['an interview missing a field', { kind: 'practice', practice: { durationMs: 1 } }, /practice\.budgets/],
    ['stages out of order', { kind: 'practice', practice: { durationMs: 10, budgets: stageBudgets(45), leftMs: 5, clockAt: null, stages: [{ stage: 'frame', startedAtMs: 0, endedAtMs: null, answers: [], followUps: [] }] } }, /practice\.stages\.0\.stage: expected "clarify"/],
    ['stage times that do not add up', { kind: 'practice', practice: { durationMs: 10, budgets: stageBudgets(45), leftMs: 5, clockAt: null, stages: [{ stage: 'clarify', startedAtMs: 0, endedAtMs: 9, answers: [], followUps: [] }] } }, /practice\.stages\.0: its times/],
    ['an invalid createdAt', { createdAt: 'yesterday' }, /createdAt: expected an ISO 8601 date/],
    ['a level mlsd does not know', { level: 'principal' }, /level/],
  ])('refuses %s with the field that is wrong', (_name, change, reason) => {
    const result = parseSession({ ...base, ...change });
    expect('error' in result && result.error).toMatch(reason);
  });

  it('accepts a real session, early files without status, and says when a file is from a newer mlsd', () => {
    expect(parseSession(base)).toMatchObject({ record: { id: 'abc', status: 'finished' } });
    const { status: _s, updatedAt: _u, ...early } = base;
    expect(parseSession({ ...early, schema: 1 })).toMatchObject({ record: { status: 'finished', updatedAt: T } });
    expect(parseSession(early)).toEqual({ error: expect.stringMatching(/updatedAt/) });
    expect(parseSession({ ...base, schema: 3 })).toEqual({ error: expect.stringMatching(/newer mlsd/) });
    expect(parseSession({ hello: 'world' })).toHaveProperty('error');
  });

  it('accepts what the interview reducer saves, so resume keeps working (update the schema with the state)', () => {
    const prompt = promptSchema.parse({
      id: 'p', title: 'P', prompt: 'Design it.', difficulty: 'easy',
      clarifications: [{ topic: 'scale', patterns: ['scale'], answer: 'Big.' }],
      outline: { clarify: ['a'], frame: ['a'], data: ['a'], model: ['a'], evaluation: ['a'], serving: ['a'], monitoring: ['a'] },
    });
    const interview = createInterview(prompt, testScope);
    let state = interview.start({ id: 'abc', level: 'senior', durationMinutes: 45, now: 0, createdAt: T }).state;
    for (const event of [{ type: 'ask', text: 'What scale?', now: 1000 }, { type: 'submit', text: '', now: 2000 }, { type: 'draft', text: 'half typed' }, { type: 'interrupt', now: 3000 }] as const) {
      state = interview.reduce(state, event).state;
    }
    const record: SessionRecord = { id: 'abc', kind: 'practice', createdAt: T, updatedAt: T, prompt: 'p', level: 'senior', status: state.status, answers: interview.answerSet(state), interview: state };
    const parsed = parseSession(JSON.parse(JSON.stringify(toSessionFile(record))));
    expect(parsed).toEqual({ record: JSON.parse(JSON.stringify(record)) });
  });

  it('strips terminal control from every string of a session', () => {
    const hostile = { ...base, answers: { sections: { model: 'ok\u001b]52;c;eA==\u0007 fine\u001b[2J' } } };
    const parsed = parseSession(hostile);
    expect('record' in parsed && parsed.record.answers.sections.model).toBe('ok fine');
  });
});

describe('a session id is never a path (issue 13.2)', () => {
  it('refuses ids that could leave the sessions directory, on read and on save', async () => {
    for (const id of ['../../x/victim', '/etc/passwd', 'a/b', '.hidden', 'A', '', 'x'.repeat(65)]) expect(isSessionId(id), id).toBe(false);
    expect(isSessionId(newSessionId(new Date(), Math.random))).toBe(true);
    const planted = { ...JSON.parse(JSON.stringify(toSessionFile(scored('abc')))), id: '../../x/victim' };
    expect(parseSession(planted)).toEqual({ error: expect.stringMatching(/^not a valid mlsd session \(id: expected a session id/) });
    await expect(saveSession(join(dir, 'sessions'), { ...scored('abc'), id: '../../x/victim' })).rejects.toThrow(/not a session id/);
    expect(existsSync(join(dir, 'x'))).toBe(false);
    expect(await loadSession(join(dir, 'sessions'), '../victim')).toMatchObject({ problem: expect.stringMatching(/not a session id/) });
  });

  it('skips a file whose id is not its file name, so one file never stands for another', async () => {
    const sessions = join(dir, 'sessions');
    await saveSession(sessions, scored('abc'));
    writeFileSync(join(sessions, 'other.json'), JSON.stringify(toSessionFile(scored('abc'))));
    const loaded = await loadSummaries(sessions);
    expect(loaded.summaries.map((s) => s.id)).toEqual(['abc']);
    expect(loaded.problems).toEqual([{ file: join(sessions, 'other.json'), reason: 'its id "abc" does not match its file name' }]);
    expect(await loadSession(sessions, 'other')).toMatchObject({ problem: 'its id "abc" does not match its file name' });
  });
});

describe('only regular files are read, with a size cap (issue 13.3)', () => {
  it('refuses a FIFO at once instead of waiting for a writer', async () => {
    const fifo = join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    await expect(readTextFile(fifo, { maxBytes: 1000 })).rejects.toMatchObject({ code: 'ENOTREG', reason: 'not a regular file (a FIFO)' });
  });

  it('refuses a link to a device, and a file over the cap', async () => {
    symlinkSync('/dev/zero', join(dir, 'zero.json'));
    await expect(readTextFile(join(dir, 'zero.json'), { maxBytes: 1000 })).rejects.toMatchObject({ reason: 'not a regular file (a character device)' });
    await expect(readTextFile(join(dir, 'zero.json'), { maxBytes: 1000, allowPipes: true })).rejects.toBeInstanceOf(ReadError);
    writeFileSync(join(dir, 'big.json'), 'x'.repeat(2000));
    await expect(readTextFile(join(dir, 'big.json'), { maxBytes: 1000 })).rejects.toMatchObject({ code: 'EFBIG', reason: 'larger than 1 KB' });
    expect(await readTextFile(join(dir, 'big.json'), { maxBytes: 2000 })).toHaveLength(2000);
  });

  it('history skips FIFOs, devices and symlink loops among sessions, naming each', async () => {
    const sessions = join(dir, 'sessions');
    await saveSession(sessions, scored('abc'));
    execFileSync('mkfifo', [join(sessions, 'fifo.json')]);
    symlinkSync('/dev/zero', join(sessions, 'zero.json'));
    symlinkSync(join(sessions, 'loop-b.json'), join(sessions, 'loop-a.json'));
    symlinkSync(join(sessions, 'loop-a.json'), join(sessions, 'loop-b.json'));
    const loaded = await loadSummaries(sessions);
    expect(loaded.summaries.map((s) => s.id)).toEqual(['abc']);
    expect(Object.fromEntries(loaded.problems.map((p) => [p.file.slice(sessions.length + 1), p.reason]))).toEqual({
      'fifo.json': 'not a regular file (a FIFO)',
      'zero.json': 'not a regular file (a character device)',
      'loop-a.json': 'a loop of symbolic links',
      'loop-b.json': 'a loop of symbolic links',
    });
  });

  it('an unreadable sessions directory is an error, not "no sessions yet"', async () => {
    writeFileSync(join(dir, 'sessions'), 'a file where the directory should be');
    await expect(loadSummaries(join(dir, 'sessions'))).rejects.toMatchObject({ name: 'ReadError', reason: 'cannot read the sessions directory: it is not a directory' });
    expect(await loadSummaries(join(dir, 'missing'))).toEqual({ summaries: [], items: {}, problems: [], totals: emptyTotals(), scoredByPrompt: new Map(), prompts: new Set(), isoTimes: true });
  });
});

describe('writes that fail (issue 13.7)', () => {
  it('a full disk leaves the old file whole, no temporary file, and a WriteError that says why', async () => {
    const file = join(dir, 'a.json');
    writeFileSync(file, 'the old content');
    const error = await writeFileAtomic(file, 'new content that does not fit', { write: fullDisk }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WriteError);
    expect(error).toMatchObject({ code: 'ENOSPC', message: `cannot write ${file}: no space left on the device` });
    expect(readFileSync(file, 'utf8')).toBe('the old content');
    expect(readdirSync(dir)).toEqual(['a.json']);
  });

  it('writing over a directory is a WriteError, not a stack trace', async () => {
    mkdirSync(join(dir, 'out.md'));
    await expect(writeFileAtomic(join(dir, 'out.md'), 'x')).rejects.toMatchObject({ name: 'WriteError', code: 'EISDIR', reason: 'it is a directory' });
    expect(readdirSync(dir)).toEqual(['out.md']);
  });

  it('a disposable file is skipped when it would eat the room kept for sessions', async () => {
    await expect(writeFileAtomic(join(dir, 'cache.json'), 'x', { keepFree: Number.MAX_SAFE_INTEGER })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(readdirSync(dir)).toEqual([]);
    await writeFileAtomic(join(dir, 'cache.json'), 'x', { keepFree: 1 });
    expect(readFileSync(join(dir, 'cache.json'), 'utf8')).toBe('x');
  });
});

describe('session ids never collide into each other (issue 13.10)', () => {
  it('ids carry 20 random bits after the time', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const ids = new Set(Array.from({ length: 2000 }, () => newSessionId(now, Math.random)));
    expect(ids.size).toBeGreaterThan(1990);
  });

  it('a new session never replaces a file with its id, and a save never replaces a different session', async () => {
    const sessions = join(dir, 'sessions');
    await saveSession(sessions, scored('abc', 'the first session'));
    await expect(saveSession(sessions, scored('abc', 'a second one'), { create: true })).rejects.toMatchObject({ code: 'EEXIST' });
    const other = { ...scored('abc', 'a different session started at another time'), createdAt: '2026-02-02T00:00:00.000Z' };
    await expect(saveSession(sessions, other)).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(join(sessions, 'abc.json'), 'utf8')).toContain('the first session');
    // The same session saved again (autosave, resume) replaces its own file.
    await saveSession(sessions, scored('abc', 'the first session, edited'));
    expect(readFileSync(join(sessions, 'abc.json'), 'utf8')).toContain('the first session, edited');
    expect(readdirSync(sessions)).toEqual(['abc.json']);
  });
});

describe('the recovery file in the shared temporary directory', () => {
  it('never follows a planted symbolic link, and never replaces an earlier recovery', async () => {
    const { writeRecoveryFile } = await import('../../src/store/recovery.js');
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious');
    symlinkSync(victim, join(dir, 'mlsd-recovered-abc.json'));
    const first = writeRecoveryFile(scored('abc', 'the answers'), dir);
    expect(first).toMatch(/mlsd-recovered-abc-[0-9a-z]+\.json$/);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(readFileSync(first!, 'utf8')).toContain('the answers');
    const second = writeRecoveryFile(scored('abc', 'later answers'), dir);
    expect(second).not.toBe(first);
    expect(readFileSync(first!, 'utf8')).toContain('the answers');
  });
});
