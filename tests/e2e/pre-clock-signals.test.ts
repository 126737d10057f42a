import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeAll, fixtures, runInTerminal } from './pty.js';

// A signal before the clock starts used to exit 0 (SIGTERM at "Press Enter to start the clock"): a
// stopped process says how it was stopped, as it does once the clock runs (128 + the signal's number).

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-preclock-'));
});
afterEach(() => {
  closeAll();
  rmSync(home, { recursive: true, force: true });
});

const pack = ['--prompts-dir', join(fixtures, 'pack', 'prompts')];
const env = () => ({ MLSD_HOME: home, MLSD_PROMPTS_PATH: '', NO_COLOR: '1', FORCE_COLOR: undefined, CI: undefined });

describe('a stop signal before the clock starts', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
    ['SIGINT', 130],
  ])('practice at "Press Enter to start the clock": %s exits %i', async (signal, code) => {
    const t = runInTerminal(['practice', 'mini-ads', '--duration', '10', ...pack], env());
    await t.waitForScreen(/Press Enter to start/);
    t.kill(signal);
    expect(await t.exited).toBe(code);
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ])('the peer interview at its briefing: %s exits %i', async (signal, code) => {
    const t = runInTerminal(['interview', 'mini-ads', ...pack], env());
    await t.waitFor(/Enter start the clock/, { timeout: 30_000 });
    t.kill(signal);
    expect(await t.exited).toBe(code);
  });
});
