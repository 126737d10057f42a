import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { root, runMlsd } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';
import { interruptedPractice } from '../helpers/practice-session.js';
import { saveSession } from '../../src/store/session-files.js';
import { closeAll, printedInTerminal, runInTerminal } from './pty.js';

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

describe("commander's usage errors at 30 columns (the same kind of fault)", () => {
  it('are wrapped at spaces on a terminal, as mlsd\'s own errors are; one line in a pipe', async () => {
    const args = ['prompts', 'nosuch'];
    const piped = runMlsd(home, args);
    expect(piped.stderr.split('\n')[0]).toBe("error: unknown command 'nosuch' for 'mlsd prompts' (its commands: list, show, new, validate, help)");
    const { text, code } = await printedInTerminal(args, 30, { MLSD_HOME: home, MLSD_PROMPTS_PATH: '', NO_COLOR: '1' }, home);
    expect(code).toBe(2);
    expect(text.split('\n').every((l) => [...l].length <= 30), text).toBe(true);
    expect(text.split(/\s+/).filter(Boolean)).toEqual(piped.stderr.split(/\s+/).filter(Boolean));
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

/** Two folders of prompts, `a` and `b`, each holding a copy of the built-in news-feed prompt; `a` also holds `extra` files (name: text). */
function twoFolders(extra: Record<string, string> = {}): void {
  for (const dir of ['a', 'b']) {
    mkdirSync(join(home, dir));
    copyFileSync(join(root, 'prompts', 'news-feed.yaml'), join(home, dir, 'news-feed.yaml'));
  }
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(home, 'a', name), text);
}

describe('prompts validate', () => {
  it('two named folders with a prompt of the same id: an error naming both files, exit 1 (it passed)', () => {
    twoFolders();
    const r = runMlsd(home, ['prompts', 'validate', 'a', 'b'], { cwd: home });
    expect(r.code, r.stdout).toBe(1);
    expect(r.stdout).toMatch(/^b\/news-feed\.yaml:\d+:\d+ id: prompt "news-feed" is also the id of a\/news-feed\.yaml: mlsd would use this file and ignore that one.* \(error\)$/m);
    expect(r.stdout).toMatch(/2 files checked \(2 prompts, 0 rubrics\): 1 error/);
    const json = JSON.parse(runMlsd(home, ['prompts', 'validate', 'a', 'b', '--json'], { cwd: home }).stdout) as { ok: boolean; errors: Array<{ file: string; message: string }> };
    expect(json.ok).toBe(false);
    expect(json.errors).toEqual([expect.objectContaining({ file: 'b/news-feed.yaml', message: expect.stringContaining('a/news-feed.yaml') })]);
    // One folder alone has no clash.
    expect(runMlsd(home, ['prompts', 'validate', 'a'], { cwd: home }).code).toBe(0);
  });

  it('a YAML file that is neither a prompt nor a rubric is said to be that, with its fields, and counted apart', () => {
    mkdirSync(join(home, 'a'));
    writeFileSync(join(home, 'a', 'settings.yaml'), 'name: my editor settings\ntheme: dark\n');
    const r = runMlsd(home, ['prompts', 'validate', 'a'], { cwd: home });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      'a/settings.yaml:1:1 not a prompt or a rubric: its fields are "name", "theme"; expected a prompt (with prompt, clarifications, outline…) or a rubric (with items…); see `mlsd schema prompt` and `mlsd schema rubric` (error)\n' +
        '1 file checked (0 prompts, 0 rubrics, 1 neither prompt nor rubric): 1 error, 0 warnings\n',
    );
    const json = JSON.parse(runMlsd(home, ['prompts', 'validate', 'a', '--json'], { cwd: home }).stdout) as { notRecognised: string[] };
    expect(json.notRecognised).toEqual(['a/settings.yaml']);
  });

  it.each([30, 40])('at %i columns every line fits, wrapped at spaces, with file names whole', async (cols) => {
    twoFolders({ 'settings.yaml': 'name: my editor settings\n' });
    const wide = runMlsd(home, ['prompts', 'validate', 'a', 'b'], { cwd: home }).stdout;
    const { text, code } = await printedInTerminal(['prompts', 'validate', 'a', 'b'], cols, { MLSD_HOME: home, MLSD_PROMPTS_PATH: '', NO_COLOR: '1' }, home);
    expect(code).toBe(1);
    const lines = text.split('\n');
    // A line is wider only when it is one word wider than the screen (the built-in file's path), left whole to copy.
    expect(lines.every((l) => [...l].length <= cols || !/\s/.test(l.trim())), text).toBe(true);
    // The same words as in a pipe (one line per issue there), so nothing is cut or lost.
    expect(text.split(/\s+/).filter(Boolean)).toEqual(wide.split(/\s+/).filter(Boolean));
    for (const name of ['a/settings.yaml:1:1', 'b/news-feed.yaml:3:5', 'a/news-feed.yaml:']) expect(lines.some((l) => l.includes(name)), name).toBe(true);
  });
});

describe("review's notes on stderr", () => {
  it.each([30, 40])('at %i columns are wrapped at spaces, the session id and the command to run whole', async (cols) => {
    await saveSession(join(home, 'sessions'), interruptedPractice('m8p41aaaaaaa', 'churn-prediction'));
    const wide = runMlsd(home, ['review', 'm8p41aaaaaaa']).stderr;
    expect(wide).toMatch(/^note: session m8p41aaaaaaa was never scored/);
    const { text, code } = await printedInTerminal(['review', 'm8p41aaaaaaa'], cols, { MLSD_HOME: home, MLSD_PROMPTS_PATH: '', NO_COLOR: '1' }, home);
    expect(code).toBe(0);
    const lines = text.split('\n');
    expect(lines.every((l) => [...l].length <= cols), text).toBe(true);
    const note = lines.slice(lines.findIndex((l) => l.startsWith('note:')));
    expect(note.join(' ').replace(/\s+/g, ' ')).toContain(wide.trim().replace(/\s+/g, ' '));
    expect(note.some((l) => /\bm8p41aaaaaaa\b/.test(l))).toBe(true);
  });
});

describe('the other live screens at 30 columns (the same kind of fault)', () => {
  it('practice: "Press Enter to start the clock" wraps at a space (inquirer broke it as "the clo" / "ck"), and the box\'s clock and keys are whole', async () => {
    const t = runInTerminal(['practice', 'news-feed'], { MLSD_HOME: home, MLSD_PROMPTS_PATH: '', NO_COLOR: '1' }, { cols: 30, rows: 24 });
    let screen = await t.waitForScreen(/\? Press Enter to start the\n\s+clock/);
    expect(screen.join('\n')).not.toMatch(/\bclo\n/);
    t.write('\r');
    screen = await t.waitForScreen(/Enter on an empty line/);
    const text = screen.join('\n');
    expect(screen.every((row) => [...row].length <= 30), text).toBe(true);
    expect(text).not.toContain('…');
    expect(text).toMatch(/⏱ \d+:\d\d left · stage \d:\d\d/);
    t.kill('SIGKILL');
  });

  it('interview: the briefing lists every key whole (its key line was cut after "Enter s"), and the sheet every tab', async () => {
    const t = runInTerminal(['interview', 'news-feed'], { MLSD_HOME: home, MLSD_PROMPTS_PATH: '', NO_COLOR: '1' }, { cols: 30, rows: 24 });
    let screen = await t.waitForScreen(/Ctrl-C quit/);
    let text = screen.join('\n');
    expect(screen.every((row) => [...row].length <= 30), text).toBe(true);
    expect(text.replace(/\s+/g, ' ')).toContain('↑↓ scroll o outline Enter start the clock Ctrl-C quit');
    t.write('\r');
    screen = await t.waitForScreen(/Ctrl-C pause/);
    text = screen.join('\n');
    expect(screen.every((row) => [...row].length <= 30), text).toBe(true);
    for (const tab of ['1.Clarify', '2.Frame', '3.Data', '4.Model', '5.Eval', '6.Serving', '7.Monitor']) expect(text).toContain(tab);
    expect(text).toMatch(/\d+:\d\d left · stage \d:\d\d/);
    t.kill('SIGKILL');
  });
});
