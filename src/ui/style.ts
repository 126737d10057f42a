/**
 * Colour decisions in one place. NO_COLOR (any non-empty value) and --no-color turn colour off,
 * FORCE_COLOR turns it on even when piped, and otherwise colour follows whether the stream is a
 * terminal. Plain ANSI codes: nothing to load at start-up, and nothing that ignores NO_COLOR.
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

const code = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
const identity = (s: string) => s;

export function createStyle(level: ColorLevel): Style {
  const on = level > 0;
  return {
    enabled: on,
    bold: on ? code(1, 22) : identity,
    dim: on ? code(2, 22) : identity,
    red: on ? code(31, 39) : identity,
    green: on ? code(32, 39) : identity,
    yellow: on ? code(33, 39) : identity,
    cyan: on ? code(36, 39) : identity,
    magenta: on ? code(35, 39) : identity,
  };
}
