import { spawn, type IPty } from '@lydell/node-pty';
import xterm from '@xterm/headless';
import { join } from 'node:path';

// A real pseudo-terminal running the built CLI, for the interactive commands.
const root = new URL('../..', import.meta.url).pathname;
export const bin = join(root, 'bin', 'mlsd.cjs');
export const fixtures = join(root, 'tests', 'fixtures', 'e2e');

const ANSI = /\u001b\[[0-9;?]*[A-Za-z]|\u001b[()][A-Z0-9]|\u001b[=>]/g;

export interface Terminal {
  /** Everything written so far, without escape sequences. */
  output(): string;
  /** Everything written so far, exactly as written (escape sequences included). */
  raw(): string;
  write(data: string): void;
  /** Types text and presses Enter. */
  line(text: string): void;
  /** Resolves when the output after `from` matches, or rejects with the screen so far. */
  waitFor(pattern: RegExp, options?: { from?: number; timeout?: number }): Promise<number>;
  exited: Promise<number>;
  /** The rows on screen now, as a terminal shows them (trailing spaces trimmed). */
  screen(): Promise<string[]>;
  /** Every row: the scrollback, then the screen. */
  allRows(): Promise<string[]>;
  /** Resolves when the screen shows the pattern, or rejects with the screen. */
  waitForScreen(pattern: RegExp, options?: { timeout?: number }): Promise<string[]>;
  resize(cols: number, rows: number): void;
  /** Sends a signal to the process. */
  kill(signal: string): void;
}

const open = new Set<IPty>();

/** Kills every terminal a test left running, so one failure cannot slow the next test. */
export function closeAll(): void {
  for (const pty of open) {
    try {
      pty.kill();
    } catch {
      // already gone
    }
  }
  open.clear();
}

export function runInTerminal(args: string[], env: Record<string, string | undefined>, size: { cols: number; rows: number } = { cols: 80, rows: 24 }): Terminal {
  // node-pty passes undefined values on as the string "undefined": drop them.
  const clean: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, TERM: 'xterm-256color', ...env })) if (v !== undefined) clean[k] = v;
  // node-pty sets TERM to `name`: a test's own TERM (dumb) goes there.
  const pty: IPty = spawn(process.execPath, [bin, ...args], { name: clean.TERM ?? 'xterm-256color', cols: size.cols, rows: size.rows, cwd: root, env: clean });
  open.add(pty);
  let raw = '';
  // A terminal emulator fed the same bytes, for what the user actually sees.
  const emulator = new xterm.Terminal({ cols: size.cols, rows: size.rows, scrollback: 5000, allowProposedApi: true });
  pty.onData((d) => {
    raw += d;
    emulator.write(d);
  });
  const settled = () => new Promise<void>((resolve) => emulator.write('', resolve));
  const rows = async (from: 'screen' | 'all') => {
    await settled();
    const b = emulator.buffer.active;
    const out: string[] = [];
    for (let i = from === 'screen' ? b.baseY : 0; i < b.length; i++) out.push(b.getLine(i)?.translateToString(true) ?? '');
    return out;
  };
  const exited = new Promise<number>((resolve) =>
    pty.onExit((e) => {
      open.delete(pty);
      resolve(e.exitCode);
    }),
  );
  const output = () => raw.replace(ANSI, '').replace(/\r/g, '');
  return {
    output,
    raw: () => raw,
    write: (data) => pty.write(data),
    line: (text) => {
      pty.write(text);
      pty.write('\r');
    },
    waitFor(pattern, { from = 0, timeout = 15_000 } = {}) {
      return new Promise((resolve, reject) => {
        const started = Date.now();
        const check = () => {
          const text = output();
          const match = pattern.exec(text.slice(from));
          if (match) return resolve(from + match.index + match[0].length);
          if (Date.now() - started > timeout) return reject(new Error(`timed out waiting for ${pattern}; screen:\n${text.slice(-1500)}`));
          setTimeout(check, 50);
        };
        check();
      });
    },
    exited,
    screen: () => rows('screen'),
    allRows: () => rows('all'),
    async waitForScreen(pattern, { timeout = 15_000 } = {}) {
      const started = Date.now();
      for (;;) {
        const screen = await rows('screen');
        if (pattern.test(screen.join('\n'))) return screen;
        if (Date.now() - started > timeout) throw new Error(`timed out waiting for ${pattern} on screen:\n${screen.join('\n')}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    resize(cols, rowsCount) {
      pty.resize(cols, rowsCount);
      emulator.resize(cols, rowsCount);
    },
    kill(signal) {
      pty.kill(signal);
    },
  };
}

/** A pattern for words that may wrap across lines on an 80-column screen. */
/** Waits for a question (from screen position `from` of the output), answers it with a line, and returns where the question was. */
export async function answer(t: Terminal, question: RegExp, text: string, from: number): Promise<number> {
  const at = await t.waitFor(question, { from });
  t.line(text);
  return at;
}

export function words(text: string): RegExp {
  return new RegExp(text.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'));
}

/**
 * What the built CLI prints (stdout and stderr together, as written: before the terminal folds a line) in a
 * pseudo-terminal `cols` wide, and its exit code. A shell runs it and then prints its exit status: a
 * pseudo-terminal may drop what a process wrote just before it exited, and the shell's line comes after all of it.
 */
export async function printedInTerminal(args: string[], cols: number, env: Record<string, string | undefined>, cwd: string): Promise<{ text: string; code: number }> {
  const quoted = [process.execPath, bin, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  const clean: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, ...env, TERM: 'xterm-256color' })) if (v !== undefined) clean[k] = v;
  const t = spawn('/bin/sh', ['-c', `${quoted}; echo "[exit $?]"`], { cols, rows: 50, cwd, env: clean });
  open.add(t);
  let raw = '';
  t.onData((d) => (raw += d));
  const exited = new Promise<void>((resolve) =>
    t.onExit(() => {
      open.delete(t);
      resolve();
    }),
  );
  const started = Date.now();
  while (!/\[exit \d+\]/.test(raw)) {
    if (Date.now() - started > 15_000) throw new Error(`timed out; printed so far:\n${raw}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  await exited;
  const text = raw.replace(/\r/g, '');
  const code = Number(/\[exit (\d+)\]\n*$/.exec(text)?.[1] ?? -1);
  return { text: text.replace(/\n*\[exit \d+\]\n*$/, ''), code };
}
