import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rubricsFor } from '../../../src/content/catalog.js';
import { createInterview } from '../../../src/interview/interview-machine.js';
import { compileRubrics } from '../../../src/scoring/compile.js';
import { saveSession } from '../../../src/store/session-files.js';
import { lockFile, lockSession } from '../../../src/store/session-lock.js';
import { FOREIGN_LOCK_MAX_AGE_MS, judgeLock, parseLockOwner } from '../../../src/store/session-lock-rules.js';
import { parseStartTicks, readProcessStart } from '../../../src/store/process-start.js';
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

describe('judgeLock and a reused pid (the start of the owning process is recorded)', () => {
  const BOOT = '9971a892-f19a-4f7f-9674-a94b2bf0a8f3';
  const started = { bootId: BOOT, startTicks: 5000 };
  // Pid 20 is alive; the system says it started at tick 5000 of this boot.
  const here = { pid: 10, host: 'a', now: Date.parse(T), isAlive: (pid: number) => pid === 20, processStart: (pid: number) => (pid === 20 ? started : null) };
  it('is live while the process under its pid is the one that took it', () => {
    expect(judgeLock({ pid: 20, host: 'a', startedAt: T, processStart: started }, here).kind).toBe('live');
  });
  it('is stale when the live process under its pid started at another time, or in another boot', () => {
    for (const other of [{ bootId: BOOT, startTicks: 4999 }, { bootId: 'another-boot', startTicks: 5000 }]) {
      expect(judgeLock({ pid: 20, host: 'a', startedAt: T, processStart: other }, here)).toMatchObject({ kind: 'stale', reason: 'its process (pid 20) has ended; that pid now belongs to another process' });
    }
  });
  it('keeps the older rule (a live pid is the owner) for a lock without the start, or where the system does not tell it', () => {
    expect(judgeLock({ pid: 20, host: 'a', startedAt: T }, here).kind).toBe('live');
    const elsewhere = { ...here, processStart: () => null };
    expect(judgeLock({ pid: 20, host: 'a', startedAt: T, processStart: { bootId: BOOT, startTicks: 1 } }, elsewhere).kind).toBe('live');
    const { processStart: _unused, ...noReader } = here;
    expect(judgeLock({ pid: 20, host: 'a', startedAt: T, processStart: { bootId: BOOT, startTicks: 1 } }, noReader).kind).toBe('live');
  });
  it('a dead pid is stale whatever start the lock records; another host is judged by age as before', () => {
    expect(judgeLock({ pid: 21, host: 'a', startedAt: T, processStart: started }, here)).toMatchObject({ kind: 'stale', reason: 'its process (pid 21) has ended' });
    expect(judgeLock({ pid: 20, host: 'b', startedAt: T, processStart: { bootId: 'x', startTicks: 1 } }, here).kind).toBe('live');
  });
  it('reads a lock with and without the start, and refuses a damaged start', () => {
    expect(parseLockOwner(JSON.stringify({ pid: 20, host: 'a', startedAt: T }))).toEqual({ pid: 20, host: 'a', startedAt: T });
    expect(parseLockOwner(JSON.stringify({ pid: 20, host: 'a', startedAt: T, processStart: started, more: 1 }))).toEqual({ pid: 20, host: 'a', startedAt: T, processStart: started });
    expect(parseLockOwner(JSON.stringify({ pid: 20, host: 'a', startedAt: T, processStart: { bootId: BOOT, startTicks: '5000' } }))).toBeNull();
  });
  it('lockSession records its own start and takes over a lock whose pid was reused', () => {
    const mine = { bootId: BOOT, startTicks: 7 };
    const reader = (pid: number) => (pid === process.pid ? mine : pid === LIVE_PID ? started : null);
    const me = { pid: process.pid, host: hostname(), now: Date.now(), isAlive: (p: number) => p === LIVE_PID || p === process.pid, processStart: reader };
    mkdirSync(dir, { recursive: true });
    writeFileSync(lockFile(dir, 'abc'), JSON.stringify({ pid: LIVE_PID, host: hostname(), startedAt: T, processStart: { bootId: BOOT, startTicks: 4 } }));
    expect(lockSession(dir, 'abc', me)).toMatchObject({ tookOver: { kind: 'stale', reason: expect.stringMatching(/pid \d+\) has ended; that pid now belongs to another process/) } });
    expect(JSON.parse(readFileSync(lockFile(dir, 'abc'), 'utf8'))).toMatchObject({ pid: process.pid, processStart: mine });
  });
});

describe('readProcessStart (the /proc reads, injected)', () => {
  const stat = '8729 (cat) R 8726 8726 4080 0 -1 4194304 101 0 0 0 0 0 0 0 20 0 1 0 2849740 3133440 384 18446744073709551615 0 0';
  const files: Record<string, string> = { '/proc/8729/stat': stat, '/proc/sys/kernel/random/boot_id': 'b00t\n' };
  const read = (path: string) => {
    const text = files[path];
    if (text === undefined) throw new Error(`ENOENT ${path}`);
    return text;
  };
  it('takes field 22 of /proc/<pid>/stat and the boot id', () => {
    expect(readProcessStart(8729, read, 'linux')).toEqual({ bootId: 'b00t', startTicks: 2849740 });
  });
  it('counts fields from the last ")", so a command name with spaces and parentheses does not shift them', () => {
    expect(parseStartTicks(stat.replace('(cat)', '(a b) (c) d)'))).toBe(2849740);
    expect(parseStartTicks('garbage')).toBeNull();
    expect(parseStartTicks('1 (x) R 2 3')).toBeNull();
  });
  it('is null (the older rule applies) off Linux, for a process that does not exist, and for a bad pid', () => {
    expect(readProcessStart(8729, read, 'darwin')).toBeNull();
    expect(readProcessStart(8730, read, 'linux')).toBeNull();
    expect(readProcessStart(0, read, 'linux')).toBeNull();
  });
  it.runIf(process.platform === 'linux')('on this Linux, reads this process twice alike and its parent differently', () => {
    const a = readProcessStart(process.pid);
    expect(a).not.toBeNull();
    expect(readProcessStart(process.pid)).toEqual(a);
    expect(readProcessStart(process.ppid)?.startTicks).not.toBe(a?.startTicks);
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
