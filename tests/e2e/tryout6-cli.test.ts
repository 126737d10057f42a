import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { root, runMlsd } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';
import { closeAll, runInTerminal } from './pty.js';

// CLI faults the last session's tryouts left (issues stops, "Left"), each run on the built CLI (in a
// pseudo-terminal where the fault needs one).
let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-tryout6-'));
});
afterEach(() => {
  closeAll();
  rmSync(home, { recursive: true, force: true });
});

const mlsd = (args: string[], env: Record<string, string | undefined> = {}) => runMlsd(home, args, { env });

describe('odd help forms', () => {
  it('"prompts list help" is the help of prompts list, as "prompts list --help" is (it was "too many arguments")', () => {
    const flag = mlsd(['prompts', 'list', '--help']);
    expect(flag.code).toBe(0);
    expect(flag.stdout).toMatch(/^Usage: mlsd prompts list /);
    expect(mlsd(['prompts', 'list', 'help'])).toEqual({ code: 0, stdout: flag.stdout, stderr: '' });
  });

  it('"help --nosuch" is a usage error naming the option, exit 2 (it was the main help, exit 0)', () => {
    const r = mlsd(['help', '--nosuch']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: unknown option '--nosuch'/);
  });

  it('"prompts --help nosuch" is an unknown command of prompts, exit 2 (it was the prompts help, exit 0)', () => {
    const r = mlsd(['prompts', '--help', 'nosuch']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: unknown command 'nosuch' for 'mlsd prompts' \(its commands: list, show, new, validate, help\)/);
  });
});

describe('drill fits 30 and 40 columns', () => {
  it.each([30, 40])('at %i columns the card, the clock line, the keys and the result are whole: wrapped, never cut', async (cols) => {
    const saved = await runInProcess(home, ['score', join(root, 'tests/fixtures/answers/ad-click-prediction.weak.md'), '--prompt', 'ad-click-prediction', '--save']);
    expect(saved.code, saved.stderr).toBe(0);
    const t = runInTerminal(['drill', '--limit', '1'], { MLSD_HOME: home, MLSD_PROMPTS_PATH: '', NO_COLOR: '1' }, { cols, rows: 24 });
    const screen = await t.waitForScreen(/Ctrl-C: stop/);
    const text = screen.join("\n");
    // Printed lines fit the screen; the box's rows (its label on) keep the last column free, so none wraps.
    expect(screen.every((row) => [...row].length <= cols), text).toBe(true);
    expect(screen.slice(screen.findIndex((row) => row.startsWith('Your answer'))).every((row) => [...row].length < cols), text).toBe(true);
    expect(text, 'nothing is cut with an ellipsis').not.toContain('…');
    expect(text).toMatch(/Your answer\s+⏱ \d:\d\d left for this card/);
    expect(text.replace(/\s+·\s+|\s+/g, ' ')).toContain('Enter on an empty line: submit Ctrl-C: stop');
    t.line('We would run an A/B test with a control group and check statistical significance before launch.');
    t.write('\r');
    await t.waitFor(/1 card practised/);
    expect(await t.exited).toBe(0);
    const rows = await t.allRows();
    expect(rows.every((row) => [...row].length <= cols)).toBe(true);
    expect(rows.join(' ').replace(/\s+/g, ' ')).toMatch(/rated (good|easy); next review \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
  });
});
