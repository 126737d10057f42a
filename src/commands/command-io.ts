import { CliError, EXIT } from '../errors.js';
import type { WriteFn } from '../files/atomic.js';
import type { Env } from '../files/paths.js';
import { stripControl } from '../text/sanitize.js';
import { isDumbTerminal, streamStyle, type Style } from '../ui/style.js';

/** What a command may touch: the streams, the environment, the clock. Tests pass their own. */
export interface Io {
  stdout: { write(s: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(s: string): unknown; isTTY?: boolean; columns?: number };
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
    get columns() {
      return process.stderr.columns;
    },
  };
  return { stdout: process.stdout, stderr, env: process.env, now: () => new Date(), random: Math.random };
}

/** The style for views printed on stdout: colour as NO_COLOR, FORCE_COLOR, --no-color, the TTY and TERM say. */
export function stdoutStyle(io: Io, options: GlobalOptions): Style {
  return streamStyle(io.stdout, io.env, options.color);
}

/** The style for notes and warnings on stderr, decided for stderr itself. */
export function stderrStyle(io: Io, options: GlobalOptions): Style {
  return streamStyle(io.stderr, io.env, options.color);
}

/** Writes a view's lines to stdout, each ended by a newline (nothing for no lines). */
export function printLines(io: Io, lines: readonly string[]): void {
  if (lines.length > 0) io.stdout.write(`${lines.join('\n')}\n`);
}

/** Writes a view's lines to stderr, each ended by a newline. */
export function printErrorLines(io: Io, lines: readonly string[]): void {
  if (lines.length > 0) io.stderr.write(`${lines.join('\n')}\n`);
}

/**
 * The width of list views (one row per entry): the terminal's columns on a terminal; unlimited in a pipe,
 * so each entry stays on one line for grep and scripts.
 */
export function listWidth(io: Io): number {
  return io.stdout.isTTY ? terminalWidth(io) : Number.POSITIVE_INFINITY;
}

/**
 * The width notes and warnings on stderr wrap to (ui/notices.ts): stderr's columns on a terminal; unlimited
 * when stderr is a pipe or a file, so each stays one line for grep and logs.
 */
export function stderrWidth(io: Io): number {
  return io.stderr.isTTY && io.stderr.columns && io.stderr.columns > 0 ? io.stderr.columns : Number.POSITIVE_INFINITY;
}

/** The width text views wrap to: the terminal's columns, or 80 when stdout is not a terminal. */
export function terminalWidth(io: Io): number {
  return io.stdout.columns && io.stdout.columns > 0 ? io.stdout.columns : 80;
}

/**
 * The commands that draw a whole screen or menus (the interviewer's sheet, `new`'s questions) need a terminal
 * that can move its cursor; a dumb one (TERM=dumb) is refused with what to use instead, exit 2, rather than
 * filled with escape codes it cannot show. `practice`, `resume` and `drill` read line by line there instead.
 */
export function requireCursorTerminal(io: Io, command: string, instead: string): void {
  if (isDumbTerminal(io.env)) {
    throw new CliError(`${command} needs a terminal that can move its cursor, and TERM=dumb says this one cannot.\n  ${instead}`, EXIT.usage);
  }
}

/** Interactive commands need a terminal on both ends; in a pipe or CI they say what to use instead. */
export function requireTerminal(io: Io, command: string, instead: string): void {
  if (!process.stdin.isTTY || !io.stdout.isTTY) {
    throw new CliError(`${command} is interactive and needs a terminal (stdin and stdout are not both a TTY).\n  ${instead}`, EXIT.usage);
  }
}
