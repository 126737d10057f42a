import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveSession } from '../../src/store/session-files.js';
import { lockFile } from '../../src/store/session-lock.js';
import { runMlsd } from '../helpers/cli.js';
import { interruptedPractice } from '../helpers/practice-session.js';
import { answer, bin, closeAll, fixtures, printedInTerminal, runInTerminal, type Terminal } from './pty.js';

// CLI faults from new-user tryout 5, each run on the built CLI (in a pseudo-terminal where the fault needs one).
let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-tryout5-'));
});
afterEach(() => {
  closeAll();
  rmSync(home, { recursive: true, force: true });
});

const env = () => ({ MLSD_HOME: home, MLSD_PROMPTS_PATH: '', NO_COLOR: '1', FORCE_COLOR: undefined, CI: undefined });

/** The built CLI's output, as printed (before the terminal wraps it), in a pseudo-terminal `cols` wide; it must exit 0. */
async function printed(args: string[], cols: number): Promise<string> {
  const { text, code } = await printedInTerminal(args, cols, env(), home);
  expect(code, text).toBe(0);
  return text;
}

const widest = (text: string) => Math.max(...text.split('\n').map((l) => [...l].length));
/** The words of a text in order, whatever its line breaks and indents. */
const wordsOf = (text: string) => text.split(/\s+/).filter(Boolean).join(' ');

describe('B8: list and show views fit a narrow terminal at words', () => {
  it.each([
    [['prompts', 'list'], '', [30, 40]],
    [['rubrics', 'list'], '', [30, 40]],
    // Its heading is laid out by width (one line or two): compare from the first stage on. At 30 columns a
    // 30-character red-flag id, four columns in, is cut like the file path: there is no space to break at.
    [['rubrics', 'show', 'framework'], 'Clarify requirements', [40]],
  ])('%s: every line fits and every word is whole', async (args, from, widths) => {
    const body = (text: string) => wordsOf(text.slice(text.indexOf(from)));
    const wide = body(await printed(args, 100));
    for (const cols of widths) {
      const text = await printed(args, cols);
      expect(widest(text)).toBeLessThanOrEqual(cols);
      // Tags one character a line, or "classificatio" / "n,", change the words; a wrap at spaces does not.
      expect(body(text)).toBe(wide);
    }
  });
});

describe('B9: prompts new --out prints commands that work', () => {
  it('the "Tune it" command names the --prompts-dir the prompt needs, and scores', async () => {
    const dir = join(home, 'mypack', 'prompts');
    mkdirSync(dir, { recursive: true });
    const t = runInTerminal(['prompts', 'new', '--out', join(dir, 'churn-prediction.yaml')], env());
    let at = await answer(t, /Title:/, 'Churn prediction', 0);
    at = await answer(t, /What the interviewer says/, 'Design a system that predicts which subscribers will cancel.', at);
    at = await answer(t, /Tags/, 'churn', at);
    at = await answer(t, /Difficulty:/, '', at);
    at = await answer(t, /Problem type/, '', at);
    at = await answer(t, /Domain rubrics to apply/, '', at);
    at = await answer(t, /Clarification 1: topic/, 'scale', at);
    at = await answer(t, /Question patterns/, 'how many subscribers', at);
    at = await answer(t, /interviewer's answer/, 'About 10 million subscribers.', at);
    at = await answer(t, /Clarification 2: topic/, '', at);
    for (const stage of ['Clarify requirements', 'Frame as an ML task', 'Data and features', 'Model development', 'Evaluation', 'Deployment and serving', 'Monitoring and maintenance']) {
      at = await answer(t, new RegExp(`Reference outline, ${stage}`), `A point about ${stage.toLowerCase()}`, at);
    }
    expect(await t.exited).toBe(0);
    const tune = /Tune it: +mlsd (.+)/.exec(t.output())?.[1];
    expect(tune).toBe(`score my-answer.md --prompt churn-prediction --prompts-dir ${dir}`);
    writeFileSync(join(home, 'my-answer.md'), '## Model\nA logistic regression baseline on usage features.\n');
    const r = runMlsd(home, tune!.split(' '), { cwd: home });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Churn prediction');
  });
});

describe('B12: resume without a terminal touches no lock', () => {
  it('an unreadable left-over lock is neither taken over nor announced before the refusal', async () => {
    const id = 'm8p41aaaaaaa';
    const dir = join(home, 'sessions');
    await saveSession(dir, interruptedPractice(id));
    writeFileSync(lockFile(dir, id), 'garbage\n');
    const r = runMlsd(home, ['resume', id], { input: '' });
    expect(r.stderr).toMatch(/mlsd resume is interactive and needs a terminal/);
    expect(r.stderr).not.toMatch(/takes it over|left open/);
    expect(r.code).toBe(2);
    expect(readFileSync(lockFile(dir, id), 'utf8')).toBe('garbage\n');
  });
});

// Esc then Ctrl-C within the terminal's escape timeout (half a second in Node) reach mlsd as one key,
// "\u001b\u0003", which Node reads as Alt-something with no name: the Ctrl-C was lost.
describe('B11: Ctrl-C right after Esc still counts', () => {
  const pack = ['--prompts-dir', join(fixtures, 'pack', 'prompts')];
  it('interview sheet: Esc cancels the note, the Ctrl-C pauses, and the next Ctrl-C quits', async () => {
    const t = runInTerminal(['interview', 'mini-ads', '--duration', '20', ...pack], env());
    let at = await t.waitFor(/Enter start the clock/, { timeout: 30_000 });
    t.write('\r');
    at = await t.waitFor(/1\/7 Clarify requirements/, { from: at });
    t.write('n');
    at = await t.waitFor(/Note on Clarify requirements:/, { from: at });
    t.write('a half-typed note');
    at = await t.waitFor(/a half-typed note/, { from: at });
    t.write('\u001b\u0003');
    at = await t.waitFor(/Paused; everything is saved/, { from: at });
    t.write('\u0003');
    expect(await t.exited).toBe(130);
  });

  it('practice answer box: Esc then Ctrl-C asks to quit, and y quits', async () => {
    const t = runInTerminal(['practice', 'mini-ads', '--duration', '10', ...pack], env());
    await t.waitForScreen(/Press Enter to start/);
    t.write('\r');
    await t.waitForScreen(/Enter: ask/);
    t.write('How many users');
    await t.waitForScreen(/How many users/);
    t.write('\u001b\u0003');
    await t.waitForScreen(/Quit the interview\?/);
    t.write('y');
    expect(await t.exited).toBe(130);
  });
});

describe('B14: review of an unscored session whose prompt is not installed', () => {
  it('shows the typed answers, unscored, and says how to bring the prompt back', async () => {
    await saveSession(join(home, 'sessions'), interruptedPractice('m8p41aaaaaaa', 'churn-prediction'));
    const r = runMlsd(home, ['review', 'm8p41aaaaaaa']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Clarify requirements[^]*│ How many users\?/);
    expect(r.stderr.replace(/\s+/g, ' ')).toMatch(/prompt "churn-prediction" is not installed.*mlsd review m8p41aaaaaaa --prompts-dir <dir>/);
    // Where nothing is shown (JSON needs a report), the refusal gives the same hint.
    const json = runMlsd(home, ['review', 'm8p41aaaaaaa', '--format', 'json']);
    expect(json.code).toBe(2);
    expect(json.stderr.replace(/\s+/g, ' ')).toContain('--prompts-dir <dir>');
  });
});

describe('D: review agrees with history on a session a killed mlsd left', () => {
  it('calls it interrupted throughout, as history does', async () => {
    await saveSession(join(home, 'sessions'), interruptedPractice('m8p41aaaaaaa', 'news-feed', true));
    expect(runMlsd(home, ['history']).stdout).toMatch(/m8p41aaaaaaa.*interrupted/);
    const r = runMlsd(home, ['review', 'm8p41aaaaaaa']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/practice\s+·\s+interrupted/);
    expect(r.stderr).toMatch(/is interrupted/);
    expect(r.stderr).not.toMatch(/\bactive\b/);
    expect(r.stdout).not.toMatch(/·\s+active\b/);
  });
});

describe('D: the interview pause line never cuts the session id', () => {
  it('at 40 columns the id to resume is shown whole', async () => {
    const t = runInTerminal(['interview', 'mini-ads', '--duration', '20', '--prompts-dir', join(fixtures, 'pack', 'prompts')], env(), { cols: 40, rows: 24 });
    await t.waitForScreen(/Enter\s+start/, { timeout: 20_000 });
    t.write('\r');
    await vi.waitFor(() => expect(readdirSync(join(home, 'sessions')).filter((f) => f.endsWith('.json'))).toHaveLength(1), { timeout: 15_000, interval: 100 });
    const id = readdirSync(join(home, 'sessions')).find((f) => f.endsWith('.json'))!.replace(/\.json$/, '');
    t.write('\u0003');
    const screen = await t.waitForScreen(/Paused; everything is saved/);
    expect(screen.join('\n')).toContain(`(${id}).`);
    t.write('q');
    expect(await t.exited).toBe(130);
  });
});

describe('D: stats says when peer interviews were left out', () => {
  it('with only an interview the user ran, it says that one was left out, and why', async () => {
    const t = runInTerminal(['interview', 'mini-ads', '--duration', '20', '--prompts-dir', join(fixtures, 'pack', 'prompts')], env());
    await t.waitFor(/Enter start the clock/, { timeout: 30_000 });
    t.write('\r');
    await t.waitForScreen(/1\/7 Clarify requirements/);
    t.write('e');
    await t.waitForScreen(/End the interview now/);
    t.write('y');
    expect(await t.exited).toBe(0);
    const r = runMlsd(home, ['stats']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(/No scored sessions yet\. \(1 peer interview you ran as the interviewer is left out: its report is the candidate's\.\)/);
  });
});

describe('D: review of a Markdown answer with a title above its stage headings', () => {
  it('does not call the split answer "not split into stages"', () => {
    writeFileSync(join(home, 'a.md'), '# Fraud detection\n\n## Clarify requirements\n\nWhat share of payments are fraud?\n\n## Evaluation\n\nPrecision at a fixed review budget.\n');
    expect(runMlsd(home, ['score', join(home, 'a.md'), '--prompt', 'fraud-detection', '--save']).code).toBe(0);
    const r = runMlsd(home, ['review', 'last']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('not split into stages');
    expect(r.stdout).toMatch(/Outside the stage sections[^]*│ # Fraud detection/);
    // A plain answer with no stage headings is still "not split".
    writeFileSync(join(home, 'b.md'), 'What share of payments are fraud? Precision at a fixed review budget.\n');
    expect(runMlsd(home, ['score', join(home, 'b.md'), '--prompt', 'fraud-detection', '--save']).code).toBe(0);
    expect(runMlsd(home, ['review', 'last']).stdout).toContain('Answer not split into stages');
  });
});
