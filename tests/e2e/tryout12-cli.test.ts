import { existsSync, chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';
import { answer, closeAll, fixtures, runInTerminal, words } from './pty.js';

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

describe('prompts new writes only a file that validates (finding 10)', () => {
  it('re-asks a tag that is not kebab-case, removes a typed OSC string whole, asks the problem type', async () => {
    const t = runInTerminal(['prompts', 'new'], env());
    let at = 0;
    at = await answer(t, /Id \(kebab-case/, 'loan-default', at);
    at = await answer(t, /Title:/, 'Loan default \u001b]0;PWNED\u0007prediction', at);
    at = await answer(t, /What the interviewer says/, 'Design a system that predicts which loans will not be repaid.', at);
    at = await answer(t, /Tags/, 'lending, Classification', at);
    at = await t.waitFor(words('tag "Classification": expected a kebab-case id such as "cold-start"; type: lending, classification'), { from: at });
    // The answer stays in the box: clear it (Ctrl-U) and type the suggestion.
    t.write('\u0015');
    t.line('lending, classification');
    at = await answer(t, /Difficulty:/, '', at);
    at = await t.waitFor(/Problem type/, { from: at });
    // The default is "none"; one step down wraps round to the first type, classification.
    t.write('\u001b[B');
    await t.waitFor(/❯ classification/, { from: at });
    t.write('\r');
    at = await answer(t, /Domain rubrics to apply/, '', at);
    at = await answer(t, /Clarification 1: topic/, 'default-rate', at);
    at = await answer(t, /Question patterns/, 'how many loans default, default rate', at);
    at = await answer(t, /interviewer's answer/, 'About 4 percent of loans default within a year.', at);
    at = await answer(t, /Clarification 2: topic/, 'default-rate', at);
    at = await t.waitFor(words('topic "default-rate" is given already'), { from: at });
    t.write('\u0015');
    t.line('');
    for (const stage of ['Clarify requirements', 'Frame as an ML task', 'Data and features', 'Model development', 'Evaluation', 'Deployment and serving', 'Monitoring and maintenance']) {
      at = await answer(t, new RegExp(`Reference outline, ${stage}`), `A point about ${stage.toLowerCase()}`, at);
    }
    await t.waitFor(/It validates\./, { from: at });
    expect(await t.exited).toBe(0);
    const text = readFileSync(join(home, 'prompts', 'loan-default.yaml'), 'utf8');
    expect(text).toContain('title: Loan default prediction');
    expect(text).not.toMatch(/PWNED|0;/);
    expect(text).toContain('tags:\n  - lending\n  - classification');
    expect(text).toContain('problemType: classification');
    const list = await runInProcess(home, ['prompts', 'list']);
    expect(list.stdout).toMatch(/loan-default\s+Loan default prediction/);
  }, 120_000);
});
