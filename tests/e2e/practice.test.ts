import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InterviewState } from '../../src/interview/interview-machine.js';
import type { SessionRecord } from '../../src/store/session-record.js';
import { readSessionRecord } from '../helpers/session-file.js';
import { bin, closeAll, fixtures, runInTerminal, words, type Terminal } from './pty.js';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-pty-'));
});
afterEach(() => {
  closeAll();
  rmSync(home, { recursive: true, force: true });
});

const pack = ['--prompts-dir', join(fixtures, 'pack', 'prompts')];
const env = () => ({ MLSD_HOME: home, MLSD_PROMPTS_PATH: '', NO_COLOR: '1', FORCE_COLOR: undefined, CI: undefined });

/** The one saved session, read as mlsd reads it, with its interview. */
function session(): SessionRecord & { interview: InterviewState } {
  const files = readdirSync(join(home, 'sessions'));
  expect(files).toHaveLength(1);
  const record = readSessionRecord(join(home, 'sessions', files[0]!));
  if (!record.interview) throw new Error('not a practice session');
  return { ...record, interview: record.interview };
}

const answers: Record<string, string> = {
  'Frame as an ML task': 'We predict the probability of a click, a binary classification over user and ad pairs; the input is a user and an ad and the output is a probability.',
  'Data and features': 'Clicks are positive labels and impressions without a click are negatives. We split by time to avoid leakage.',
  'Model development': 'We start with logistic regression as a baseline, then try gradient boosted trees, trained with a cross entropy loss.',
  Evaluation: 'Offline we compare log loss and AUC; online we run an A/B test and track CTR and revenue.',
  'Deployment and serving': 'Online prediction with cached user features keeps latency within 50 ms.',
  'Monitoring and maintenance': 'We alert on feature drift and retrain the model daily.',
};

/** Answers whatever is asked next: a stage question, or a follow-up. */
async function answerNext(t: Terminal, from: number): Promise<number> {
  // A new question is an "Interviewer:" line followed by a fresh answer box (the hint re-renders
  // on every keypress, so the hint alone could be the box just answered).
  const at = await t.waitFor(/Interviewer:[\s\S]*?Enter on an empty line: submit|Show the reference\s+outline/, { from });
  const screen = t.output().slice(from, at);
  if (words('Show the reference outline').test(screen)) return -1;
  const stage = Object.keys(answers).filter((title) => screen.includes(title)).pop();
  t.line(stage ? answers[stage]! : 'I would handle that with a simple first version and iterate.');
  t.write('\r');
  return at;
}

describe('mlsd practice in a terminal', () => {
  it('runs a whole short session, scores it and saves it', async () => {
    const t = runInTerminal(['practice', 'mini-ads', '--duration', '10', ...pack], env());
    await t.waitFor(/Stages and time budgets/);
    expect(t.output()).toContain('Design click prediction for the ads in our feed.');
    await t.waitFor(/Press Enter to start/);
    t.write('\r');
    let at = await t.waitFor(words('What would you like to know'));
    t.line('How many daily active users are there?');
    at = await t.waitFor(words('About 300 million daily active users.'), { from: at });
    t.write('\r'); // an empty line ends the clarify stage
    for (let turns = 0; turns < 20 && at >= 0; turns++) at = await answerNext(t, at);
    expect(at).toBe(-1);
    expect(t.output()).toMatch(/Overall\s+\d+\/100/);
    t.line('y');
    await t.waitFor(words('Reference outline: Mini ad click prediction'));
    expect(await t.exited).toBe(0);
    const saved = session();
    expect(saved.status).toBe('finished');
    expect(saved.answers.sections.model).toContain('logistic regression as a baseline');
    expect(saved.answers.sections.clarify).toContain('How many daily active users are there?');
    expect(saved.report!.overall).toBeGreaterThan(0);
  });

  it('pauses on Ctrl-C with what was typed saved, and resume continues it', async () => {
    const t = runInTerminal(['practice', 'mini-ads', '--duration', '30', ...pack], env());
    await t.waitFor(/Press Enter to start/);
    t.write('\r');
    let at = await t.waitFor(words('What would you like to know'));
    t.write('\r');
    at = await t.waitFor(words('How would you frame this'), { from: at });
    t.write('We predict clicks');
    await new Promise((r) => setTimeout(r, 300));
    t.write('\u0003');
    await t.waitFor(/Quit the interview\?/, { from: at });
    t.write('\u0003'); // a second Ctrl-C quits at once
    await t.waitFor(/mlsd resume/, { from: at });
    expect(await t.exited).toBe(130);
    const paused = session();
    expect(paused.status).toBe('interrupted');
    expect(paused.interview.draft).toBe('We predict clicks');

    const r = runInTerminal(['resume', ...pack], env());
    let from = await r.waitFor(/Resumed with \d+:\d\d left\./);
    from = await r.waitFor(/│ We predict clicks/, { from });
    r.line(' as a binary classification over user and ad pairs.');
    r.write('\r');
    await r.waitFor(/Interviewer:/, { from });
    r.write('\u0003');
    await r.waitFor(/Quit the interview\?/, { from });
    r.line('y');
    expect(await r.exited).toBe(130);
    const resumed = session();
    expect(resumed.answers.sections.frame).toBe('We predict clicks as a binary classification over user and ad pairs.');
  });

  it('answers each stage in $EDITOR with --editor', async () => {
    const editor = join(home, 'fake-editor.sh');
    const seen = join(home, 'seen.md');
    writeFileSync(editor, `#!/bin/sh\ncat "$1" >> "${seen}"\nprintf "We start with logistic regression as a baseline and monitor drift.\\n" > "$1"\n`);
    chmodSync(editor, 0o755);
    const t = runInTerminal(['practice', 'mini-ads', '--editor', ...pack], { ...env(), EDITOR: editor, VISUAL: editor });
    await t.waitFor(/Press Enter to start/);
    t.write('\r');
    await t.waitFor(words('What would you like to know'));
    t.write('\r');
    await t.waitFor(words('Show the reference outline'), { timeout: 20_000 });
    t.line('n');
    expect(await t.exited).toBe(0);
    const saved = session();
    expect(saved.status).toBe('finished');
    for (const stage of ['frame', 'data', 'model', 'evaluation', 'serving', 'monitoring'] as const) {
      expect(saved.answers.sections[stage], stage).toContain('logistic regression as a baseline');
    }
    // The file opened with the question as a comment, which was not part of the answer.
    const opened = readFileSync(seen, 'utf8');
    expect(opened).toMatch(/<!-- mlsd: How would you frame this as a machine learning problem\?/);
    expect(Object.values(saved.answers.sections).join('\n')).not.toContain('<!--');
  });

  it('refuses to run without a terminal and points at mlsd score', () => {
    const r = spawnSync(process.execPath, [bin, 'practice', 'mini-ads', ...pack], { env: { ...process.env, MLSD_HOME: home }, input: '', encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('needs a terminal');
    expect(r.stderr).toContain('mlsd score answer.md --prompt');
  });
});
