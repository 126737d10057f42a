import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';
import { answer, closeAll, runInTerminal, type Terminal } from './pty.js';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-new-'));
});
afterEach(() => {
  closeAll();
  rmSync(home, { recursive: true, force: true });
});

const env = () => ({ MLSD_HOME: home, MLSD_PROMPTS_PATH: '', NO_COLOR: '1' });

describe('mlsd prompts new', () => {
  it('writes a commented prompt that validates and can be scored against', async () => {
    const t = runInTerminal(['prompts', 'new'], env());
    let at = 0;
    at = await answer(t, /Id \(kebab-case/, 'card-fraud', at);
    at = await answer(t, /Title:/, 'Payment fraud detection', at);
    at = await answer(t, /What the interviewer says/, 'Design a system that flags fraudulent card payments.', at);
    at = await answer(t, /Tags/, 'fraud, classification', at);
    at = await answer(t, /Difficulty:/, '', at);
    at = await answer(t, /Problem type/, '', at);
    at = await answer(t, /Domain rubrics to apply/, '', at);
    at = await answer(t, /Clarification 1: topic/, 'scale', at);
    at = await answer(t, /Question patterns/, 'how many payments, qps, scale', at);
    at = await answer(t, /interviewer's answer/, 'About 5,000 payments per second at peak.', at);
    at = await answer(t, /Clarification 2: topic/, '', at);
    for (const stage of ['Clarify requirements', 'Frame as an ML task', 'Data and features', 'Model development', 'Evaluation', 'Deployment and serving', 'Monitoring and maintenance']) {
      at = await answer(t, new RegExp(`Reference outline, ${stage}`), `A first point about ${stage.toLowerCase()}, with a comma; a second point`, at);
    }
    await t.waitFor(/It validates\./, { from: at });
    expect(await t.exited).toBe(0);
    const file = join(home, 'prompts', 'card-fraud.yaml');
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=file:\/\/.*schemas\/prompt\.schema\.json$/);
    expect(text).toContain('tags:\n  - fraud\n  - classification');
    // Outline points split on semicolons only: a comma stays inside its point.
    expect(text).toContain('- A first point about model development, with a comma\n');

    // The written file, used as every other command reads it (in-process: no further process to start).
    const run = (args: string[]) => runInProcess(home, args);
    expect((await run(['prompts', 'validate', file])).code).toBe(0);
    expect((await run(['prompts', 'list'])).stdout).toMatch(/card-fraud\s+Payment fraud detection.*\(user\)/);
    writeFileSync(join(home, 'a.md'), '## Model\nWe start with a logistic regression baseline.\n');
    const scored = await run(['score', join(home, 'a.md'), '--prompt', 'card-fraud', '--json']);
    expect(scored.code, scored.stderr).toBe(0);
    expect((JSON.parse(scored.stdout) as { prompt: string }).prompt).toBe('card-fraud');
  });

  it('cancels cleanly on Ctrl-C without writing', async () => {
    const t = runInTerminal(['rubrics', 'new'], env());
    await t.waitFor(/Id \(kebab-case/);
    t.write('\u0003');
    await t.waitFor(/Cancelled; nothing written\./);
    expect(await t.exited).toBe(130);
  });
});
