import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeAll, fixtures, runInTerminal } from './pty.js';

// Words that misled in the third tryout, where only a terminal shows them.

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-words-'));
});
afterEach(() => {
  closeAll();
  rmSync(home, { recursive: true, force: true });
});

const pack = ['--prompts-dir', join(fixtures, 'pack', 'prompts')];
const env = () => ({ MLSD_HOME: home, MLSD_PROMPTS_PATH: '', NO_COLOR: '1', FORCE_COLOR: undefined, CI: undefined });

describe('resume of a practice whose prompt came from --prompts-dir', () => {
  it('without the flag says how to get the prompt back, not just "unknown prompt"', async () => {
    const t = runInTerminal(['practice', 'mini-ads', '--duration', '10', ...pack], env());
    await t.waitForScreen(/Press Enter to start/);
    t.write('\r');
    await t.waitForScreen(/Enter: ask/);
    t.write('How many users');
    t.write('\u0003');
    await t.waitForScreen(/Quit the interview\?/);
    t.write('y');
    expect(await t.exited).toBe(130);
    const r = runInTerminal(['resume'], env());
    expect(await r.exited).toBe(2);
    expect(r.output().replace(/\s+/g, ' ')).toMatch(/is of the prompt "mini-ads", which mlsd cannot find now\. If it came from a directory of your own, pass it again: mlsd resume \S+ --prompts-dir <dir>/);
  });
});
