import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatClock } from '../../src/text/clock-format.js';
import { readSessionRecord } from '../helpers/session-file.js';
import { runInProcess } from '../helpers/in-process.js';
import { closeAll, fixtures, runInTerminal, type Terminal } from './pty.js';

// One pty test per way practice used to lose text or mislead (issue 12), asserting on the screen a
// user sees (a terminal emulator fed the same bytes) and on the session file.

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-faults-'));
});
afterEach(() => {
  closeAll();
  rmSync(home, { recursive: true, force: true });
});

const pack = ['--prompts-dir', join(fixtures, 'pack', 'prompts')];
const env = (extra: Record<string, string> = {}) => ({ MLSD_HOME: home, MLSD_PROMPTS_PATH: '', NO_COLOR: '1', FORCE_COLOR: undefined, CI: undefined, ...extra });
const PASTE = (text: string) => `\u001b[200~${text}\u001b[201~`;
const CTRL_C = '\u0003';

interface Saved {
  status: string;
  answers: { sections: Record<string, string> };
  interview: { draft: string; usedMs: number; durationMs: number; clockAt: number | null; clarify: Array<{ question: string }> };
}

function sessionFiles(): string[] {
  const dir = join(home, 'sessions');
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
}

function saved(): Saved {
  const files = sessionFiles();
  expect(files).toHaveLength(1);
  return readSessionRecord(join(home, 'sessions', files[0]!)) as Saved;
}

/** Waits until the session file satisfies a check (it is written a fraction of a second after typing). */
async function savedWhen(check: (s: Saved) => boolean): Promise<Saved> {
  let last: Saved | undefined;
  await vi.waitFor(
    () => {
      const files = sessionFiles();
      expect(files.length).toBe(1);
      last = readSessionRecord(join(home, 'sessions', files[0]!)) as Saved;
      expect(check(last)).toBe(true);
    },
    { timeout: 15_000, interval: 100 },
  );
  return last!;
}

async function start(args: string[] = [], extraEnv: Record<string, string> = {}, size?: { cols: number; rows: number }): Promise<Terminal> {
  const t = runInTerminal(['practice', 'mini-ads', '--duration', '10', ...args, ...pack], env(extraEnv), size);
  await t.waitForScreen(/Press Enter to start/);
  t.write('\r');
  await t.waitForScreen(/What\s+would\s+you\s+like\s+to\s+know[\s\S]*Enter: ask/);
  return t;
}

/** From clarify to the frame stage's box. */
async function toFrame(t: Terminal): Promise<void> {
  t.write('\r');
  await t.waitForScreen(/How\s+would\s+you\s+frame\s+this[\s\S]*Frame as an ML task\s+⏱[\s\S]*Enter on an empty line: submit/);
}

async function quit(t: Terminal): Promise<number> {
  t.write(CTRL_C);
  await t.waitForScreen(/Quit the interview\?/);
  t.write('y');
  return t.exited;
}

describe('practice keeps every character typed or pasted', () => {
  it('a bracketed paste with blank lines and CRLF is kept whole and never submits', async () => {
    const t = await start();
    await toFrame(t);
    const text = 'We predict clicks.\r\nIt is binary classification.\r\n\r\nInputs: a user and an ad.\r\nOutput: a probability.';
    t.write(PASTE(text));
    const screen = (await t.waitForScreen(/│ Output: a probability\./)).join('\n');
    expect(screen).toContain('│ We predict clicks.');
    expect(screen).toContain('Enter on an empty line: submit'); // still the same box: the paste did not submit
    const expected = 'We predict clicks.\nIt is binary classification.\n\nInputs: a user and an ad.\nOutput: a probability.';
    expect((await savedWhen((s) => s.interview.draft === expected)).status).toBe('active');
    t.write('\r');
    await t.waitForScreen(/│ Output: a probability\.\n│\s*\n/);
    t.write('\r');
    await savedWhen((s) => s.answers.sections.frame === expected);
    expect(await quit(t)).toBe(130);
  });

  it('three questions pasted in clarify are all asked', async () => {
    const t = await start();
    t.write(PASTE('How many daily active users are there?\nWhat is the latency budget?\nWhich regions do we serve?'));
    await t.waitForScreen(/│ Which regions do we serve\?/);
    t.write('\r');
    await t.waitForScreen(/You: Which regions do we serve\?/);
    expect(await quit(t)).toBe(130);
    expect(saved().interview.clarify.map((e) => e.question)).toEqual(['How many daily active users are there?', 'What is the latency budget?', 'Which regions do we serve?']);
    expect(t.output()).toContain('About 300 million daily active users.');
  });

  it('--editor with an editor that returns at once says how to fix it and never saves an empty stage', async () => {
    const editor = join(home, 'gui-launcher.sh');
    writeFileSync(editor, '#!/bin/sh\nexit 0\n');
    chmodSync(editor, 0o755);
    const t = await start(['--editor'], { EDITOR: editor, VISUAL: editor });
    t.write('\r');
    const screen = (await t.waitForScreen(/What now\?/)).join('\n');
    expect(screen).toMatch(/did not wait for you/);
    expect(screen).toMatch(/code\s+--wait/);
    expect(sessionFiles()).toHaveLength(0); // nothing typed yet, so nothing saved, and no empty stage
    t.write('\u001b[B'); // "Answer here in the terminal instead"
    t.write('\r');
    await t.waitForScreen(/Frame as an ML task\s+⏱[\s\S]*Enter on an empty line: submit/);
    t.write('We predict the probability of a click.');
    await t.waitForScreen(/│ We predict the probability of a click\./);
    t.write('\r');
    t.write('\r');
    await savedWhen((s) => s.answers.sections.frame === 'We predict the probability of a click.');
    expect(await quit(t)).toBe(130);
  });

  it('--editor: Ctrl-C at the "What now?" menu asks before it quits, as the answer box does (tryout 7)', async () => {
    const editor = join(home, 'gui-launcher.sh');
    writeFileSync(editor, '#!/bin/sh\nexit 0\n');
    chmodSync(editor, 0o755);
    const t = await start(['--editor'], { EDITOR: editor, VISUAL: editor });
    t.write('\r');
    await t.waitForScreen(/What now\?/);
    t.write(CTRL_C);
    await t.waitForScreen(/Quit the interview\? \(it is saved/);
    t.write('n');
    t.write('\r');
    // Back at the menu: a second Ctrl-C asks again, and y quits.
    await t.waitForScreen(/Quit the interview\?[^\n]*No[\s\S]*What now\?/);
    t.write(CTRL_C);
    // The second question, below the first one answered No (the first alone matched before it was open, and
    // the y then went to the menu, which opened the editor again: the test hung on a loaded machine).
    await t.waitForScreen(/Quit the interview\? \(it is saved[^\n]*No[\s\S]*What now\?[\s\S]*Quit the interview\? \(it is saved/);
    t.write('y');
    t.write('\r');
    expect(await t.exited).toBe(130);
  });

  it('an answer taller than 80x24 scrolls inside the box: the clock line stays visible and no copies reach the scrollback', async () => {
    const t = await start([], {}, { cols: 80, rows: 24 });
    await toFrame(t);
    const lines = Array.from({ length: 40 }, (_, i) => (i % 9 === 8 ? '' : `line ${i + 1}: a point about framing the click model`));
    t.write(PASTE(lines.join('\r\n')));
    let screen = await t.waitForScreen(/│ line 40: a point/);
    const clock = screen.find((r) => r.includes('⏱'))!;
    expect(clock).toMatch(/^Frame as an ML task\s+⏱ \d+:\d\d left/);
    // Let the clock tick a few times: each tick redraws the clock line in place.
    screen = await t.waitForScreen(new RegExp(`⏱(?!${clock.split('⏱')[1]!.slice(0, 6)})`));
    expect(screen.filter((r) => r.includes('⏱'))).toHaveLength(1);
    const all = await t.allRows();
    // The clarify box's summary and this box: two clock lines in the whole history.
    expect(all.filter((r) => r.includes('⏱'))).toHaveLength(2);
    t.write('\r');
    t.write('\r');
    await savedWhen((s) => (s.answers.sections.frame ?? '').includes('line 40: a point'));
    expect(await quit(t)).toBe(130);
    expect(saved().answers.sections.frame).toBe(lines.slice(0, 40).join('\n').trim());
  });

  it('redraws the box whole when the window is resized narrower and wider', async () => {
    const t = await start([], {}, { cols: 120, rows: 40 });
    await toFrame(t);
    t.write(PASTE(Array.from({ length: 12 }, (_, i) => `point ${i + 1}: ${'features and labels '.repeat(4)}`).join('\n')));
    await t.waitForScreen(/│ point 12:/);
    t.resize(70, 24);
    let screen = await t.waitForScreen(/⏱[\s\S]*│ point 12:[\s\S]*Enter on an empty line: submit/);
    expect(screen.filter((r) => r.includes('⏱'))).toHaveLength(1);
    expect(screen.every((r) => r.length <= 70)).toBe(true);
    t.resize(120, 40);
    screen = await t.waitForScreen(/⏱[\s\S]*│ point 12:[\s\S]*Enter on an empty line: submit/);
    expect(screen.filter((r) => r.includes('⏱'))).toHaveLength(1);
    t.write(' and more');
    await savedWhen((s) => s.interview.draft.endsWith(' and more'));
    expect(await quit(t)).toBe(130);
    expect(saved().interview.draft.split('\n')).toHaveLength(12);
  });

  it('shows a stage-over-budget warning live, inside the box, readable without colour', async () => {
    const t = runInTerminal(['practice', 'mini-ads', '--duration', '1', ...pack], env());
    await t.waitForScreen(/Press Enter to start/);
    t.write('\r');
    await t.waitForScreen(/Enter: ask/);
    t.write('typing slowly');
    const screen = (await t.waitForScreen(/⚠ You are past the 0:0\d budget for Clarify requirements/, { timeout: 20_000 })).join('\n');
    expect(screen).toMatch(/│ typing slowly[\s\S]*Enter: ask/); // the box is still open
    expect(t.output()).not.toMatch(/\u001b\[3\dm/);
    expect(await quit(t)).toBe(130);
  });

  it('multi-line editing: Up/Down reach earlier lines, Home/End, Backspace at a line start joins lines', async () => {
    const t = await start();
    await toFrame(t);
    t.write('first line\rsecond line');
    await t.waitForScreen(/│ second line/);
    t.write('\u001b[A\u001b[F more'); // Up, End
    await t.waitForScreen(/│ first line more/);
    t.write('\u001b[B\u001b[HX'); // Down, Home
    await t.waitForScreen(/│ Xsecond line/);
    t.write('\r'); // splits the line after X
    await t.waitForScreen(/│ second line/);
    t.write('\u007f'); // Backspace at the start of a line joins it to the one above
    await t.waitForScreen(/│ Xsecond line/);
    t.write('\u0005'); // Ctrl-E
    t.write('\r');
    t.write('\r');
    await savedWhen((s) => s.answers.sections.frame === 'first line more\nXsecond line');
    expect(await quit(t)).toBe(130);
  });

  it('time keeps running while "Quit the interview?" is shown', async () => {
    const t = await start();
    await toFrame(t);
    t.write('an answer');
    await savedWhen((s) => s.interview.draft === 'an answer');
    t.write(CTRL_C);
    const asked = await t.waitForScreen(/Quit the interview\?/);
    const clock = asked.find((r) => r.includes('⏱'))!.match(/⏱ (\d+:\d\d)/)![1]!;
    const later = await t.waitForScreen(new RegExp(`⏱ (?!${clock})\\d+:\\d\\d left[\\s\\S]*Quit the interview\\?`));
    expect(later.join('\n')).toContain('Quit the interview?');
    t.write('y');
    expect(await t.exited).toBe(130);
    expect(saved().status).toBe('interrupted');
  });

  for (const [signal, code] of [['SIGHUP', 129], ['SIGTERM', 143]] as const) {
    it(`${signal} saves the draft, marks the session interrupted, and resume gives back exactly the time left`, async () => {
      const t = await start();
      await toFrame(t);
      t.write('typed right before the window closed');
      await savedWhen((s) => s.interview.draft === 'typed right before the window closed');
      t.kill(signal);
      expect(await t.exited).toBe(code);
      // After SIGTERM the terminal is still there: the box is closed and the way back is said.
      if (signal === 'SIGTERM') expect(t.output()).toMatch(/Stopped by SIGTERM\. Saved as \S+\.\s+Continue later with: mlsd resume \S+/);
      const s = saved();
      expect(s.status).toBe('interrupted');
      expect(s.interview.clockAt).toBeNull();
      expect(s.interview.draft).toBe('typed right before the window closed');
      const left = formatClock(s.interview.durationMs - s.interview.usedMs);
      const r = runInTerminal(['resume', ...pack], env());
      await r.waitForScreen(/│ typed right before the window closed/);
      expect(r.output()).toContain(`Resumed with ${left} left.`);
      expect(await quit(r)).toBe(130);
    });
  }
});

describe('a session killed without warning', () => {
  it('kill -9 keeps text typed a moment before, and resume restores it', async () => {
    const t = await start();
    await toFrame(t);
    t.write('saved within a second');
    const before = await savedWhen((s) => s.interview.draft === 'saved within a second');
    expect(before.status).toBe('active');
    t.kill('SIGKILL');
    await t.exited;
    const r = runInTerminal(['resume', ...pack], env());
    await r.waitForScreen(/│ saved within a second/);
    expect(r.output()).toMatch(/Resumed with \d+:\d\d left\./);
    expect(await quit(r)).toBe(130);
    const s = saved();
    expect(s.status).toBe('interrupted');
    expect(s.interview.draft).toBe('saved within a second');
    expect(s.interview.usedMs).toBeLessThan(s.interview.durationMs);
  });
});

describe('history keeps what matters', () => {
  it('a session with nothing typed is not kept, and review shows the last scored session', async () => {
    const scored = await runInProcess(home, ['score', join(fixtures, 'answer.md'), '--prompt', 'mini-ads', '--save', ...pack]);
    expect(scored.code, scored.stderr).toBe(0);
    expect(sessionFiles()).toHaveLength(1);
    const t = await start();
    expect(await quit(t)).toBe(130);
    expect(t.output()).toContain('Nothing was typed, so this session was not kept.');
    expect(sessionFiles()).toHaveLength(1);

    const u = await start();
    u.write('a question typed but never asked');
    await vi.waitFor(() => expect(sessionFiles()).toHaveLength(2), { timeout: 15_000 });
    expect(await quit(u)).toBe(130);
    const review = await runInProcess(home, ['review', ...pack]);
    expect(review.code, review.stderr).toBe(0);
    expect(review.stdout).toMatch(/Overall\s+\d+\/100/);
    // The last scored session, not the empty one (which would score 0); a score such as 30/100 is fine.
    expect(review.stdout).not.toMatch(/Overall\s+0\/100/);
  });
});
