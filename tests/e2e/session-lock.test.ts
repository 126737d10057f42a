import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readProcessStart } from '../../src/store/process-start.js';
import { runMlsd } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';
import { closeAll, fixtures, runInTerminal, type Terminal } from './pty.js';

// Terminal A practises; terminal B's `mlsd resume` used to take the same live session over, and the
// last of the two saves won. Now A holds a lock while it has the session open, whatever way it ends.

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-lock-e2e-'));
});
afterEach(() => {
  closeAll();
  rmSync(home, { recursive: true, force: true });
});

const pack = ['--prompts-dir', join(fixtures, 'pack', 'prompts')];
const env = () => ({ MLSD_HOME: home, MLSD_PROMPTS_PATH: '', NO_COLOR: '1', FORCE_COLOR: undefined, CI: undefined });
const sessions = () => join(home, 'sessions');
const files = (ext: string) => (existsSync(sessions()) ? readdirSync(sessions()).filter((f) => f.endsWith(ext)) : []);

/** Practice with a question typed and saved. */
async function practising(): Promise<Terminal> {
  const t = runInTerminal(['practice', 'mini-ads', '--duration', '10', ...pack], env());
  await t.waitForScreen(/Press Enter to start/);
  expect(files('.lock')).toHaveLength(1); // held from the start
  t.write('\r');
  await t.waitForScreen(/Enter: ask/);
  t.write('How many users');
  await vi.waitFor(() => expect(files('.json')).toHaveLength(1), { timeout: 15_000, interval: 100 });
  return t;
}

/** `resume` in a terminal: it says it takes the left-over lock over (`note`), the session opens, then a quit; no lock is left. */
async function resumeTakingOver(note: RegExp): Promise<void> {
  const r = runInTerminal(['resume', ...pack], env());
  // On a terminal the note is wrapped at spaces to its width: a space in `note` matches any line break there.
  await r.waitFor(new RegExp(note.source.replace(/ /g, '\\s+')));
  await r.waitForScreen(/Enter: ask/);
  r.write('\u0003');
  await r.waitForScreen(/Quit the interview\?/);
  r.write('y');
  expect(await r.exited).toBe(130);
  expect(files('.lock')).toHaveLength(0);
}

describe('one process per session', () => {
  it('resume in a second process is refused while the first has the session open; allowed after a quit', async () => {
    const t = await practising();
    const b = await runInProcess(home, ['resume', ...pack]);
    expect(b.stderr).toMatch(/session \S+ is open in another mlsd \(pid \d+\) since \d\d:\d\d; finish it there/);
    expect(b.code).toBe(1);
    t.write('\u0003');
    await t.waitForScreen(/Quit the interview\?/);
    t.write('y');
    expect(await t.exited).toBe(130);
    expect(files('.lock')).toHaveLength(0);
    const c = await runInProcess(home, ['resume', ...pack]);
    expect(c.stderr).toMatch(/needs a terminal/); // past the lock: only the terminal check stops it here
  });

  it('the same for a peer interview: resume elsewhere is refused while the sheet is open', async () => {
    const t = runInTerminal(['interview', 'mini-ads', ...pack], env());
    await t.waitFor(/Enter start the clock/, { timeout: 30_000 });
    t.write('\r');
    await vi.waitFor(() => expect(files('.json')).toHaveLength(1), { timeout: 15_000, interval: 100 });
    const b = await runInProcess(home, ['resume', ...pack]);
    expect(b.stderr).toMatch(/session \S+ is open in another mlsd \(pid \d+\)/);
    expect(b.code).toBe(1);
    t.kill('SIGTERM');
    expect(await t.exited).toBe(143);
    expect(files('.lock')).toHaveLength(0);
  });

  it('SIGTERM and SIGHUP remove the lock; SIGKILL leaves one that the next resume takes over', async () => {
    for (const signal of ['SIGTERM', 'SIGHUP']) {
      const t = await practising();
      t.kill(signal);
      await t.exited;
      expect(files('.lock')).toHaveLength(0);
      rmSync(sessions(), { recursive: true });
    }
    const t = await practising();
    t.kill('SIGKILL');
    await t.exited;
    expect(files('.lock')).toHaveLength(1);
    // Without a terminal, resume leaves the lock alone; in one, it takes it over and says so (tryout 5).
    expect((await runInProcess(home, ['resume', ...pack])).stderr).not.toMatch(/takes it over/);
    expect(files('.lock')).toHaveLength(1);
    await resumeTakingOver(/left open by an mlsd that is gone [^]*; this one takes it over/);
  });

  // A pid is reused: the mlsd that held the lock was killed and an unrelated process now has its pid. The
  // lock records when its owner started (Linux), so the built CLI takes it over instead of refusing it.
  it.runIf(process.platform === 'linux')('a lock whose pid now belongs to an unrelated live process is taken over (the built CLI)', async () => {
    const t = await practising();
    t.kill('SIGKILL');
    await t.exited;
    const [name] = files('.lock');
    const file = join(sessions(), name!);
    const left = JSON.parse(readFileSync(file, 'utf8')) as { pid: number; processStart?: { bootId: string; startTicks: number } };
    expect(left.processStart).toEqual({ bootId: expect.any(String), startTicks: expect.any(Number) }); // the killed mlsd's own start
    // This test runner is alive and is no mlsd: as the lock's owner, with its own start, it keeps the session...
    writeFileSync(file, JSON.stringify({ ...left, pid: process.pid, processStart: readProcessStart(process.pid) }));
    const refused = runMlsd(home, ['resume', ...pack]);
    expect(refused.stderr).toMatch(new RegExp(`is open in another mlsd \\(pid ${process.pid}\\)`));
    expect(refused.code).toBe(1);
    // ...but under the killed mlsd's start, the pid is a reused one and the lock was left by a dead process.
    writeFileSync(file, JSON.stringify({ ...left, pid: process.pid }));
    // (In a terminal: without one, resume stops before it touches a lock.)
    await resumeTakingOver(new RegExp(`left open by an mlsd that is gone \\(its process \\(pid ${process.pid}\\) has ended; that pid now belongs to another process\\); this one takes it over`));
  });
});
