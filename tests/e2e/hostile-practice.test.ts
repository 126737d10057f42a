import { spawn, type IPty } from '@lydell/node-pty';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bin, root } from '../helpers/cli.js';

// The raw bytes practice writes to a real terminal, escape sequences included.
let home: string;
let pty: IPty | undefined;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-hostile-pty-'));
});
afterEach(() => {
  try {
    pty?.kill();
  } catch {
    // already gone
  }
  rmSync(home, { recursive: true, force: true });
});

const PROMPT = String.raw`id: evil
title: "Evil\e]0;pwned\a prompt"
prompt: "Design a feed.\e]52;c;cm0gLXJmIH4=\a\e[2J\e[?1049h"
difficulty: easy
clarifications:
  - topic: scale
    patterns: [scale, how many users]
    answer: "A billion.\e]0;pwned\a"
outline:
  clarify: [a]
  frame: [a]
  data: [a]
  model: [a]
  evaluation: [a]
  serving: [a]
  monitoring: [a]
`;

describe('practice with a hostile prompt (issue 13.1)', () => {
  it('never retitles the window, sets the clipboard, clears the screen or switches screens', async () => {
    mkdirSync(join(home, 'prompts'));
    writeFileSync(join(home, 'prompts', 'evil.yaml'), PROMPT);
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...process.env, TERM: 'xterm-256color', MLSD_HOME: home, MLSD_PROMPTS_PATH: '', NO_COLOR: '1' })) if (v !== undefined) env[k] = v;
    delete env.FORCE_COLOR;
    delete env.CI;
    pty = spawn(process.execPath, [bin, 'practice', 'evil'], { name: 'xterm-256color', cols: 80, rows: 24, cwd: root, env });
    let raw = '';
    pty.onData((d) => (raw += d));
    const exited = new Promise<number>((resolve) => pty!.onExit((e) => resolve(e.exitCode)));
    const waitFor = async (pattern: RegExp) => {
      for (let i = 0; i < 300 && !pattern.test(raw); i++) await new Promise((r) => setTimeout(r, 50));
      expect(raw).toMatch(pattern);
    };
    await waitFor(/Press Enter to start the clock/);
    pty.write('\r');
    await waitFor(/Enter: ask/);
    pty.write('how many users?\r');
    await waitFor(/A billion\./);
    pty.write('\u0003');
    await waitFor(/Quit the interview\?/);
    pty.write('\u0003');
    await exited;
    expect(raw).toContain('Evil prompt');
    expect(raw).toContain('Design a feed.');
    expect(raw).not.toMatch(/\u001b\]|\u009d|\u009b|\u0007/); // no OSC (title, clipboard) and no BEL
    expect(raw).not.toContain('\u001b[2J');
    expect(raw).not.toContain('\u001b[?1049h');
  });
});
