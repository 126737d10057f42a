import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeAll, runInTerminal, words, type Terminal } from './pty.js';

// Tryout 8, F10 and F8, as the tryout ran them: `mlsd interview` in a 40x20 terminal, `f` and a question.
// The fact to read out is on screen whole (the checklist above it shrinks), and the question about holding
// a payment for review gets the fraud prompt's decisions fact, not "their call".

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-interview-small-'));
});
afterEach(() => {
  closeAll();
  rmSync(home, { recursive: true, force: true });
});

const env = () => ({ MLSD_HOME: home, MLSD_PROMPTS_PATH: '', NO_COLOR: '1', FORCE_COLOR: undefined, CI: undefined });

/** Presses f, types the question and Enter; resolves with the screen once it shows `expected`. */
async function askFact(t: Terminal, question: string, expected: RegExp): Promise<string[]> {
  t.write('f');
  await t.waitFor(/They ask:/);
  t.write(question);
  t.write('\r');
  return t.waitForScreen(expected, { timeout: 30_000 });
}

describe('mlsd interview on a 40x20 terminal', () => {
  it('shows the whole latency fact of ad-click-prediction, 50 ms included', async () => {
    const t = runInTerminal(['interview', 'ad-click-prediction', '--candidate', 'me'], env(), { cols: 40, rows: 20 });
    await t.waitFor(/Enter start the clock/, { timeout: 30_000 });
    t.write('\r');
    await t.waitForScreen(/1\/7 Clarify requirements/, { timeout: 30_000 });
    const screen = await askFact(t, 'what latency do we need', /50 ms\./);
    const text = screen.join(' ').replace(/\s+/g, ' ');
    expect(text).toMatch(words('Read out: Ads are picked while the feed loads, so scoring all candidate ads for one request has to finish in roughly 50 ms.'));
    expect(screen.length).toBeLessThanOrEqual(20);
    for (const row of screen) expect(row.length).toBeLessThanOrEqual(40);
    t.write('\u0003');
    await t.waitForScreen(/q or Ctrl-C quit/);
    t.write('q');
    expect(await t.exited).toBe(130);
  }, 120_000);

  it('reads out the decisions fact of fraud-detection for "can we hold a payment for review", whole', async () => {
    const t = runInTerminal(['interview', 'fraud-detection', '--candidate', 'me'], env(), { cols: 40, rows: 20 });
    await t.waitFor(/Enter start the clock/, { timeout: 30_000 });
    t.write('\r');
    await t.waitForScreen(/1\/7 Clarify requirements/, { timeout: 30_000 });
    const screen = await askFact(t, 'can we hold a payment for review', /few hours\./);
    const text = screen.join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('Read out: For each payment we can approve it');
    expect(text).toMatch(words('as long as the payment is held for no more than a few hours.'));
    expect(text).not.toContain('Their call');
    t.write('\u0003');
    await t.waitForScreen(/q or Ctrl-C quit/);
    t.write('q');
    expect(await t.exited).toBe(130);
  }, 120_000);
});
