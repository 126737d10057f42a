import type { ChalkInstance } from 'chalk';

/**
 * Colour decisions in one place. mlsd computes the colour level itself ({@link colorLevel}: NO_COLOR,
 * FORCE_COLOR, `--no-color`, whether the stream is a terminal, TERM) and hands it to chalk, which does the
 * styling. chalk alone reads FORCE_COLOR and the TTY but ignores NO_COLOR and `--no-color`, so it is never
 * left to decide: every instance is created with an explicit `level`. chalk is loaded only when some output
 * is coloured ({@link loadChalk}): plain output, as in pipes and scripts, starts without it.
 */
export interface Style {
  /** True when the level is above 0, i.e. styles emit escape sequences. */
  enabled: boolean;
  bold: (s: string) => string;
  dim: (s: string) => string;
  red: (s: string) => string;
  green: (s: string) => string;
  yellow: (s: string) => string;
  cyan: (s: string) => string;
  magenta: (s: string) => string;
}

/** chalk's colour levels: 0 none, 1 basic 16 colours, 2 256 colours, 3 truecolor. */
export type ColorLevel = 0 | 1 | 2 | 3;

/**
 * The colour level for one output stream.
 * Order of precedence: `--no-color` (flag false), NO_COLOR (any non-empty value, per no-color.org),
 * FORCE_COLOR (0/false off, 2 and 3 as given, anything else 1), then a non-TTY or TERM=dumb is 0,
 * COLORTERM truecolor/24bit is 3, a TERM containing 256 is 2, otherwise 1.
 */
export function colorLevel(
  stream: { isTTY?: boolean },
  env: Readonly<Record<string, string | undefined>>,
  flag?: boolean,
): ColorLevel {
  if (flag === false) return 0;
  if (env.NO_COLOR) return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    if (force === '2') return 2;
    if (force === '3') return 3;
    return 1;
  }
  if (!stream.isTTY || isDumbTerminal(env)) return 0;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  return /256/.test(env.TERM ?? '') ? 2 : 1;
}

/**
 * Whether the terminal the environment names cannot move its cursor: TERM=dumb (terminfo's `dumb` has a
 * carriage return, a line feed and a bell, and nothing else). It gets no colour (colorLevel) and, where mlsd
 * reads answers, plain line-by-line input (plain-input.ts) instead of the answer box.
 */
export function isDumbTerminal(env: Readonly<Record<string, string | undefined>>): boolean {
  return env.TERM === 'dumb';
}

const same = (s: string) => s;

/** The plain style: every function returns its input unchanged. For files and level 0. */
export const PLAIN_STYLE: Style = { enabled: false, bold: same, dim: same, red: same, green: same, yellow: same, cyan: same, magenta: same };

let Chalk: typeof import('chalk').Chalk | undefined;

/** Loads chalk, which {@link createStyle} needs for any level above 0. The CLI calls it before a command runs when colour may be on. */
export async function loadChalk(): Promise<void> {
  Chalk ??= (await import('chalk')).Chalk;
}

/** Whether chalk has been loaded in this process (tests check that --help and --version never load it). */
export function chalkLoaded(): boolean {
  return Chalk !== undefined;
}

/** A {@link Style} backed by a chalk instance at exactly `level` (0 gives plain text, without chalk). */
export function createStyle(level: ColorLevel): Style {
  if (level === 0) return PLAIN_STYLE;
  if (!Chalk) throw new Error('createStyle: colour needs chalk; await loadChalk() first');
  const chalk: ChalkInstance = new Chalk({ level });
  return {
    enabled: level > 0,
    bold: (s) => chalk.bold(s),
    dim: (s) => chalk.dim(s),
    red: (s) => chalk.red(s),
    green: (s) => chalk.green(s),
    yellow: (s) => chalk.yellow(s),
    cyan: (s) => chalk.cyan(s),
    magenta: (s) => chalk.magenta(s),
  };
}

/** The style for one output stream: {@link createStyle} at the {@link colorLevel} of that stream (`flag` is false with --no-color). */
export function streamStyle(stream: { isTTY?: boolean }, env: Readonly<Record<string, string | undefined>>, flag?: boolean): Style {
  return createStyle(colorLevel(stream, env, flag));
}
