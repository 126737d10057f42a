import { CliError, EXIT } from '../errors.js';
import type { WriteFn } from '../files/atomic.js';
import type { Env } from '../files/paths.js';
import { stripControl } from '../text/sanitize.js';
import { colorLevel, createStyle, type Style } from '../ui/style.js';

/** What a command may touch: the streams, the environment, the clock. Tests pass their own. */
export interface Io {
  stdout: { write(s: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  env: Env;
  now: () => Date;
  random: () => number;
  /** Writes a temporary file before it is renamed into place; tests inject a full disk. Default: the real one. */
  writeFile?: WriteFn;
}

export interface GlobalOptions {
  promptsDir?: string[];
  rubricsDir?: string[];
  /** false with --no-color. */
  color?: boolean;
}

/**
 * The real streams. Everything mlsd writes to stderr (warnings, errors, notices) can quote a file
 * name, a field name or an argument, so stderr keeps mlsd's colours and loses any other terminal
 * control. Stdout carries views built from content and sessions that are sanitised when read.
 */
export function processIo(): Io {
  const stderr = {
    write: (s: string) => process.stderr.write(stripControl(s, { keepStyle: true })),
    get isTTY() {
      return process.stderr.isTTY;
    },
  };
  return { stdout: process.stdout, stderr, env: process.env, now: () => new Date(), random: Math.random };
}

export function stdoutStyle(io: Io, options: GlobalOptions): Style {
  return createStyle(colorLevel(io.stdout, io.env, options.color));
}

export function stderrStyle(io: Io, options: GlobalOptions): Style {
  return createStyle(colorLevel(io.stderr, io.env, options.color));
}

export function terminalWidth(io: Io): number {
  return io.stdout.columns && io.stdout.columns > 0 ? io.stdout.columns : 80;
}

/** Interactive commands need a terminal on both ends; in a pipe or CI they say what to use instead. */
export function requireTerminal(io: Io, command: string, instead: string): void {
  if (!process.stdin.isTTY || !io.stdout.isTTY) {
    throw new CliError(`${command} is interactive and needs a terminal (stdin and stdout are not both a TTY).\n  ${instead}`, EXIT.usage);
  }
}
