import { Chalk, type ChalkInstance } from 'chalk';

/**
 * Colour decisions in one place. NO_COLOR (any non-empty value) and --no-color turn colour off,
 * FORCE_COLOR turns it on even when piped, and otherwise colour follows whether the stream is a
 * terminal. chalk alone ignores NO_COLOR, hence the explicit level.
 */
export interface Style {
  enabled: boolean;
  bold: (s: string) => string;
  dim: (s: string) => string;
  red: (s: string) => string;
  green: (s: string) => string;
  yellow: (s: string) => string;
  cyan: (s: string) => string;
  magenta: (s: string) => string;
}

export type ColorLevel = 0 | 1 | 2 | 3;

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
  if (!stream.isTTY || env.TERM === 'dumb') return 0;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  return /256/.test(env.TERM ?? '') ? 2 : 1;
}

export function createStyle(level: ColorLevel): Style {
  const c: ChalkInstance = new Chalk({ level });
  return {
    enabled: level > 0,
    bold: (s) => c.bold(s),
    dim: (s) => c.dim(s),
    red: (s) => c.red(s),
    green: (s) => c.green(s),
    yellow: (s) => c.yellow(s),
    cyan: (s) => c.cyan(s),
    magenta: (s) => c.magenta(s),
  };
}

export const plainStyle: Style = createStyle(0);
