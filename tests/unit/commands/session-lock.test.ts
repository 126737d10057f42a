import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rubricsFor } from '../../../src/content/catalog.js';
import { createInterview } from '../../../src/interview/interview-machine.js';
import { compileRubrics } from '../../../src/scoring/compile.js';
import { saveSession } from '../../../src/store/session-files.js';
import { lockFile, lockSession } from '../../../src/store/session-lock.js';
import { FOREIGN_LOCK_MAX_AGE_MS, judgeLock } from '../../../src/store/session-lock-rules.js';
import type { SessionRecord } from '../../../src/store/session-record.js';
import { builtinCatalog } from '../../helpers/builtin.js';
import { runInProcess as runMlsd } from '../../helpers/in-process.js';

// Two processes on one session used to both save it, the last save winning: a session open in a live
// mlsd is now locked (<id>.lock), and resume leaves it alone.

let home: string;
let dir: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-lock-'));
  dir = join(home, 'sessions');
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const T = '2026-01-01T10:00:00.000Z';
/** A pid that no process has (above Linux's pid_max). */
const DEAD_PID = 2 ** 30;
/** A live process on this host that is not this one. */
const LIVE_PID = process.ppid;

function practice(id: string, createdAt = T, status: 'interrupted' | 'active' = 'interrupted'): SessionRecord {
  const prompt = builtinCatalog.prompts.get('news-feed')!.value;
  const interview = createInterview(prompt, compileRubrics(rubricsFor(builtinCatalog, prompt)));
  let state = interview.start({ id, level: 'senior', durationMinutes: 10, now: 0, createdAt }).state;
  state = interview.reduce(state, { type: 'draft', text: 'How many users?' }).state;
  if (status === 'interrupted') state = interview.reduce(state, { type: 'interrupt', now: 3000 }).state;
  return { id, kind: 'practice', createdAt, updatedAt: createdAt, prompt: prompt.id, level: 'senior', status: state.status, answers: interview.answerSet(state), interview: state };
}

function writeLock(id: string, pid: number, host = hostname(), startedAt = new Date().toISOString()): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(lockFile(dir, id), JSON.stringify({ pid, host, startedAt }));
}

describe('judgeLock', () => {
  const here = { pid: 10, host: 'a', now: Date.parse(T), isAlive: (pid: number) => pid === 20 };
  it('is live while its process runs on this host, stale once it has ended', () => {
    expect(judgeLock({ pid: 20, host: 'a', startedAt: T }, here).kind).toBe('live');
    expect(judgeLock({ pid: 21, host: 'a', startedAt: T }, here)).toMatchObject({ kind: 'stale', reason: expect.stringMatching(/pid 21.*ended/) });
  });
  it('trusts a lock from another host for a day, then takes it for left over', () => {
    expect(judgeLock({ pid: 21, host: 'b', startedAt: T }, here).kind).toBe('live');
    const old = new Date(Date.parse(T) - FOREIGN_LOCK_MAX_AGE_MS - 1).toISOString();
    expect(judgeLock({ pid: 21, host: 'b', startedAt: old }, here).kind).toBe('stale');
  });
  it('takes an unreadable lock for left over', () => {
    expect(judgeLock(null, here).kind).toBe('stale');
  });
});

describe('lockSession', () => {
  const here = (pid: number) => ({ pid, host: hostname(), now: Date.now(), isAlive: (p: number) => p === LIVE_PID || p === process.pid });
  it('creates the lock exclusively, refuses a second live process, and removes only its own lock', () => {
    const first = lockSession(dir, 'abc', here(LIVE_PID));
    expect('held' in first).toBe(true);
    const second = lockSession(dir, 'abc', here(process.pid));
    expect(second).toMatchObject({ refused: { pid: LIVE_PID } });
    if ('held' in first) first.held.release();
    expect(existsSync(lockFile(dir, 'abc'))).toBe(false);
  });
  it('takes over the lock of a process that has ended', () => {
    writeLock('abc', DEAD_PID);
    const result = lockSession(dir, 'abc', here(process.pid));
    expect(result).toMatchObject({ tookOver: { kind: 'stale' } });
    expect(JSON.parse(readFileSync(lockFile(dir, 'abc'), 'utf8'))).toMatchObject({ pid: process.pid });
  });
});

describe('mlsd resume and a session open elsewhere', () => {
  it('refuses a session another live mlsd has open, exit 1, and leaves its file and lock alone', async () => {
    await saveSession(dir, practice('m8p41aaaaaaa', T, 'active'));
    writeLock('m8p41aaaaaaa', LIVE_PID);
    const before = readFileSync(join(dir, 'm8p41aaaaaaa.json'), 'utf8');
    const r = await runMlsd(home, ['resume', 'm8p41aaaaaaa']);
    expect(r.stderr).toMatch(new RegExp(`session m8p41aaaaaaa is open in another mlsd \\(pid ${LIVE_PID}\\) since \\d\\d:\\d\\d; finish it there`));
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, 'm8p41aaaaaaa.json'), 'utf8')).toBe(before);
    expect(existsSync(lockFile(dir, 'm8p41aaaaaaa'))).toBe(true);
  });

  it('with no id skips the newest session when it is open elsewhere, and says so', async () => {
    await saveSession(dir, practice('m8p41aaaaaaa', '2026-01-01T09:00:00.000Z'));
    await saveSession(dir, practice('m8p42bbbbbbb', '2026-01-01T10:00:00.000Z', 'active'));
    writeLock('m8p42bbbbbbb', LIVE_PID);
    const r = await runMlsd(home, ['resume']);
    expect(r.stderr).toMatch(/m8p42bbbbbbb \(pid \d+\) is open in another mlsd; resuming m8p41aaaaaaa/);
    expect(r.stderr).toMatch(/needs a terminal/); // it went on with the older one
    expect(existsSync(lockFile(dir, 'm8p41aaaaaaa'))).toBe(false); // released on the way out
  });

  it('with no id and only a live session says it is open elsewhere', async () => {
    await saveSession(dir, practice('m8p42bbbbbbb', T, 'active'));
    writeLock('m8p42bbbbbbb', LIVE_PID);
    const r = await runMlsd(home, ['resume']);
    expect(r.stderr).toMatch(/m8p42bbbbbbb is open in another mlsd/);
    expect(r.code).toBe(1);
  });

  // The takeover itself, in a terminal: tests/e2e/session-lock.test.ts (SIGKILL leaves one that the next resume takes over).
  it('without a terminal leaves a lock whose process has ended alone, and says nothing of taking it over (tryout 5)', async () => {
    await saveSession(dir, practice('m8p41aaaaaaa', T, 'active'));
    writeLock('m8p41aaaaaaa', DEAD_PID);
    const lock = readFileSync(lockFile(dir, 'm8p41aaaaaaa'), 'utf8');
    const r = await runMlsd(home, ['resume', 'm8p41aaaaaaa']);
    expect(r.stderr).toMatch(/needs a terminal/);
    expect(r.stderr).not.toMatch(/takes it over|left open/);
    expect(r.code).toBe(2);
    expect(readFileSync(lockFile(dir, 'm8p41aaaaaaa'), 'utf8')).toBe(lock);
  });
});

describe('mlsd history and a session saved as active', () => {
  it('shows one no live mlsd has open (a crash, kill -9) as interrupted, and one open elsewhere as active, explained', async () => {
    await saveSession(dir, practice('m8p41aaaaaaa', '2026-01-01T09:00:00.000Z', 'active'));
    await saveSession(dir, practice('m8p42bbbbbbb', '2026-01-01T10:00:00.000Z', 'active'));
    writeLock('m8p42bbbbbbb', LIVE_PID);
    const json = await runMlsd(home, ['history', '--json']);
    const rows = JSON.parse(json.stdout) as Array<{ id: string; status: string }>;
    expect(rows.map((r) => [r.id, r.status])).toEqual([
      ['m8p42bbbbbbb', 'active'],
      ['m8p41aaaaaaa', 'interrupted'],
    ]);
    const text = await runMlsd(home, ['history']);
    expect(text.stdout).toMatch(/m8p41aaaaaaa.*interrupted/);
    expect(text.stdout).toMatch(/active: open in an mlsd running now/);
  });
});

describe('review and history delete of a session saved as active', () => {
  it('review says whether it is open elsewhere or was stopped without a save', async () => {
    await saveSession(dir, practice('m8p41aaaaaaa', T, 'active'));
    const crashed = await runMlsd(home, ['review', 'm8p41aaaaaaa']);
    expect(crashed.stderr).toMatch(/was stopped without a chance to save .*mlsd resume m8p41aaaaaaa/);
    writeLock('m8p41aaaaaaa', LIVE_PID);
    const open = await runMlsd(home, ['review', 'm8p41aaaaaaa']);
    expect(open.stderr).toMatch(new RegExp(`open in another mlsd \\(pid ${LIVE_PID}\\) and still changing`));
  });
  it('history delete refuses a session another live mlsd has open', async () => {
    await saveSession(dir, practice('m8p41aaaaaaa', T, 'active'));
    writeLock('m8p41aaaaaaa', LIVE_PID);
    const r = await runMlsd(home, ['history', 'delete', 'm8p41aaaaaaa', '--yes']);
    expect(r.stderr).toMatch(/session m8p41aaaaaaa is open in another mlsd/);
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, 'm8p41aaaaaaa.json'))).toBe(true);
  });
  it('history delete of a session left active by a killed mlsd removes its lock too, and calls it interrupted (tryout 4)', async () => {
    await saveSession(dir, practice('m8p41aaaaaaa', T, 'active'));
    writeLock('m8p41aaaaaaa', DEAD_PID);
    const r = await runMlsd(home, ['history', 'delete', 'm8p41aaaaaaa', '--yes']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Deleted session m8p41aaaaaaa.*interrupted/);
    expect(r.stdout).not.toMatch(/active/);
    expect(existsSync(join(dir, 'm8p41aaaaaaa.json'))).toBe(false);
    expect(existsSync(lockFile(dir, 'm8p41aaaaaaa'))).toBe(false);
  });
});

describe('a lock that is not a lock file', () => {
  it('(a directory in its place) is taken for left over, not a crash', () => {
    mkdirSync(lockFile(dir, 'abc'), { recursive: true });
    const result = lockSession(dir, 'abc', { pid: process.pid, host: hostname(), now: Date.now(), isAlive: () => true });
    expect(result).toMatchObject({ tookOver: { kind: 'stale' } });
    expect(JSON.parse(readFileSync(lockFile(dir, 'abc'), 'utf8'))).toMatchObject({ pid: process.pid });
  });
});
