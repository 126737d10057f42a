import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { interviewCommand, resumeInterview, type SheetTerminal } from '../../../src/commands/interview.js';
import type { Io } from '../../../src/commands/command-io.js';
import { resumeAny } from '../../../src/commands/resume.js';
import { readSessionRecord } from '../../helpers/session-file.js';

// The command in-process, with a test terminal and a clock the test moves: time runs out in an instant.

const root = new URL('../../..', import.meta.url).pathname;
const pack = join(root, 'tests', 'fixtures', 'e2e', 'pack', 'prompts');
let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-interview-cmd-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

function setup() {
  let clock = 1_000_000;
  let screen = '';
  let printed = '';
  const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => undefined });
  const output = Object.assign(new PassThrough(), { columns: 80, rows: 24 });
  // eslint-disable-next-line no-control-regex
  output.on('data', (d: Buffer) => (screen += d.toString('utf8').replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '\n')));
  const terminal: SheetTerminal = { input, output, now: () => clock };
  const io: Io = {
    stdout: { write: (s: string) => (printed += s), isTTY: true, columns: 80 },
    stderr: { write: () => true },
    env: { MLSD_HOME: home, NO_COLOR: '1', MLSD_PROMPTS_PATH: '', MLSD_NO_CACHE: '1' },
    now: () => new Date('2026-03-01T10:00:00Z'),
    random: () => 0.5,
  };
  /** Waits until the screen drawn since `from` shows the pattern. */
  const waitFor = async (pattern: RegExp, from = 0): Promise<number> => {
    const started = Date.now();
    for (;;) {
      const match = pattern.exec(screen.slice(from));
      if (match) return from + match.index + match[0].length;
      if (Date.now() - started > 15_000) throw new Error(`no ${pattern} on the screen:\n${screen.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return { terminal, io, waitFor, press: (s: string) => input.write(s), advance: (ms: number) => (clock += ms), printed: () => printed };
}

describe('mlsd interview, in-process', () => {
  it('runs out of time, lets the interviewer finish the marks, and reports from them', async () => {
    const t = setup();
    const done = interviewCommand('mini-ads', { duration: 2, level: 'senior', candidate: 'Kim', promptsDir: [pack] }, t.io, t.terminal);
    let at = await t.waitFor(/Read this out, word for word/);
    t.press('\r');
    at = await t.waitFor(/1\/7 Clarify requirements/, at);
    t.press('c');
    at = await t.waitFor(/✓ Business objective\s+covered/, at);
    t.advance(3 * 60_000);
    at = await t.waitFor(/TIME'S UP/, at);
    t.press('j');
    t.press('p');
    at = await t.waitFor(/½ Scale of users, items and traffic\s+after prompting/, at);
    t.press('e');
    at = await t.waitFor(/End the interview now/, at);
    t.press('y');
    expect(await done).toBe(0);
    expect(t.printed()).toContain('Peer interview: Kim, level senior, 2:00 of 2:00, marked by the interviewer');
    expect(t.printed()).toMatch(/Frame as an ML task\s+░+\s+0 not answered/);

    const files = readdirSync(join(home, 'sessions'));
    const saved = JSON.parse(readFileSync(join(home, 'sessions', files[0]!), 'utf8')) as { status: string; sheet: { marks: Record<string, { mark: string; atMs: number }> }; report: { stages: Array<{ id: string; score: number }> } };
    expect(saved.status).toBe('timed-out');
    expect(saved.sheet.marks.scale).toEqual({ mark: 'prompted', stage: 'clarify', atMs: 120_000 });
    expect(saved.report.stages.find((s) => s.id === 'clarify')!.score).toBeGreaterThan(0);
    // An interview whose time ran out is over: resume says so and where to see it.
    const id = files[0]!.replace(/\.json$/, '');
    await expect(resumeAny(id.slice(0, 9), {}, t.io)).rejects.toThrow(`session ${id} is timed-out and cannot be resumed; see it with \`mlsd review ${id}\``);
  });

  it('keeps a half-typed note when the interviewer quits during a pause, and opens it again on resume', async () => {
    const t = setup();
    const done = interviewCommand('mini-ads', { duration: 45, level: 'senior', promptsDir: [pack] }, t.io, t.terminal);
    let at = await t.waitFor(/Read this out, word for word/);
    t.press('\r');
    at = await t.waitFor(/1\/7 Clarify requirements/, at);
    t.press('n');
    t.press('asked about latency tw');
    at = await t.waitFor(/asked about latency tw/, at);
    t.press('\u0003');
    at = await t.waitFor(/PAUSED/, at);
    t.press('q');
    expect(await done).toBe(130);
    const id = readdirSync(join(home, 'sessions'))[0]!.replace(/\.json$/, '');
    const saved = readSessionRecord(join(home, 'sessions', `${id}.json`));
    expect(saved.status).toBe('interrupted');
    expect(saved.sheet!.draft).toEqual({ purpose: 'note', text: 'asked about latency tw' });

    const again = setup();
    const resumed = resumeInterview(saved, { promptsDir: [pack] }, again.io, again.terminal);
    at = await again.waitFor(/Any key starts the clock/);
    again.press(' ');
    again.press('ice\r');
    at = await again.waitFor(/asked about latency twice/, at);
    again.press('\u0003');
    at = await again.waitFor(/PAUSED/, at);
    again.press('q');
    expect(await resumed).toBe(130);
    const after = readSessionRecord(join(home, 'sessions', `${id}.json`)).sheet!;
    expect(after.notes.clarify).toBe('asked about latency twice');
    expect(after.draft).toBeUndefined();
  });

  it('refuses to run without a terminal', async () => {
    const t = setup();
    const terminal = { ...t.terminal, input: Object.assign(new PassThrough(), { isTTY: false }) };
    await expect(interviewCommand('mini-ads', { duration: 2, level: 'senior', promptsDir: [pack] }, t.io, terminal)).rejects.toThrow(/needs a terminal/);
  });
});
