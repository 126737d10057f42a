import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import type { Io } from '../../src/commands/command-io.js';
import { chalkLoaded } from '../../src/ui/style.js';

// Issue 14.2: chalk styles with a level mlsd computes, and is loaded only by commands that print styled
// output. This file runs in its own module graph, so chalk starts unloaded; the order of the tests matters.
function terminalIo(env: Record<string, string> = {}): { io: Io; out: { stdout: string } } {
  const out = { stdout: '' };
  const io: Io = {
    stdout: { write: (s: string) => (out.stdout += s), isTTY: true, columns: 100 },
    stderr: { write: () => true, isTTY: true },
    env: { MLSD_HOME: '/nonexistent/mlsd-chalk-test', MLSD_PROMPTS_PATH: '', TERM: 'xterm-256color', ...env },
    now: () => new Date('2026-03-01T12:00:00Z'),
    random: () => 0.5,
  };
  return { io, out };
}

describe('chalk is loaded only for styled output', () => {
  it('--help, a command\'s --help, --version and --no-color on a terminal do not load it', async () => {
    for (const argv of [['--help'], ['score', '--help'], ['-h'], ['--version'], [], ['prompts', 'list', '--no-color']]) {
      const { io } = terminalIo();
      await main(argv, io);
      expect(chalkLoaded(), argv.join(' ')).toBe(false);
    }
  });

  it('NO_COLOR on a terminal does not load it, and the output is plain', async () => {
    const { io, out } = terminalIo({ NO_COLOR: '1' });
    expect(await main(['prompts', 'list'], io)).toBe(0);
    expect(chalkLoaded()).toBe(false);
    expect(out.stdout).not.toContain('\u001b');
  });

  it('a listing on a colour terminal loads it and is coloured', async () => {
    const { io, out } = terminalIo();
    expect(await main(['prompts', 'list'], io)).toBe(0);
    expect(chalkLoaded()).toBe(true);
    expect(out.stdout).toContain('\u001b[1m');
  });
});
