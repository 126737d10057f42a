import { existsSync, chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeAll, fixtures, runInTerminal } from './pty.js';

// Terminal faults from new-user tryout 12 (findings 9 to 11), each run on the built CLI in a pseudo-terminal.
let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-tryout12-'));
});
afterEach(() => {
  closeAll();
  chmodSync(home, 0o700);
  if (existsSync(join(home, 'sessions'))) chmodSync(join(home, 'sessions'), 0o700);
  rmSync(home, { recursive: true, force: true });
});

const pack = ['--prompts-dir', join(fixtures, 'pack', 'prompts')];
const env = () => ({ MLSD_HOME: home, MLSD_PROMPTS_PATH: '', NO_COLOR: '1', FORCE_COLOR: undefined, CI: undefined });
const flat = (rows: string[]) => rows.join(' ').replace(/\s+/g, ' ');

describe.each([40, 30])('practice on a %i-column terminal leaves no stale text (finding 9)', (cols) => {
  it('moving on from clarify shows "no more questions" whole, and no key help under it', async () => {
    const t = runInTerminal(['practice', 'fraud-detection'], env(), { cols, rows: 20 });
    await t.waitFor(/Press Enter to start/, { timeout: 30_000 });
    t.write('\r');
    await t.waitForScreen(/Enter: ask/, { timeout: 30_000 });
    t.write('what is the fraud rate\r');
    await t.waitForScreen(/Interviewer: About/);
    await t.waitForScreen(/fraud rate[\s\S]*Interviewer: About[\s\S]*Enter: ask/);
    t.write('\r');
    const screen = await t.waitForScreen(/Frame as an ML task/);
    for (const row of screen) expect([...row].length, row).toBeLessThanOrEqual(cols);
    const text = flat(screen).replace(/│ /g, '');
    expect(text).toContain('(no more questions: on to the next stage)');
    expect(text).not.toMatch(/Enter: ask|ge\)er/);
    t.kill('SIGKILL');
  }, 120_000);
});
