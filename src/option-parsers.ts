import { InvalidArgumentError } from 'commander';

/**
 * Parsers for option values, used where the options are declared (src/cli.ts). A bad value throws
 * commander's InvalidArgumentError, so commander prints `error: option '--duration <minutes>' argument 'abc'
 * is invalid. <reason>` and mlsd exits 2 before any command code runs.
 */

/** A whole number from `min` to `max` inclusive, written in decimal digits ("5", not "5.5", "1e3" or "abc"). */
export function wholeNumber(min: number, max: number): (value: string) => number {
  return (value) => {
    const trimmed = value.trim();
    const n = /^[+-]?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) throw new InvalidArgumentError(`Expected a whole number from ${min} to ${max}.`);
    return n;
  };
}

/** Interview length in minutes: 1 to 180; fractions allowed ("22.5"). */
export function minutes(value: string): number {
  const trimmed = value.trim();
  const n = /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isFinite(n) || n < MIN_MINUTES || n > MAX_MINUTES) {
    throw new InvalidArgumentError(`Expected minutes from ${MIN_MINUTES} to ${MAX_MINUTES}, e.g. 45 or 60.`);
  }
  return n;
}

/** Bounds of `--duration`: a minute at least, three hours at most, as practice has always accepted. */
export const MIN_MINUTES = 1;
export const MAX_MINUTES = 180;

/** The most rows `--limit` asks for (history); `--all` shows every one. */
export const MAX_LIMIT = 1_000_000;

/**
 * What is wrong with `mlsd review`'s arguments taken together, or null. Checked before anything runs:
 * `--compare` takes exactly two different ids and no positional id (which it would ignore); `--force` only
 * means something with `--out`.
 */
export function reviewArgumentProblem(id: string | undefined, options: { compare?: string[]; force?: boolean; out?: string }): string | null {
  const compare = options.compare;
  if (compare) {
    if (id !== undefined) return `--compare takes both session ids itself; "${id}" would be ignored. Use: mlsd review --compare <before> <after>`;
    if (compare.length !== 2) return `--compare takes two session ids (got ${compare.length}), e.g. mlsd review --compare <before> <after>`;
    if (compare[0] === compare[1]) return `--compare needs two different sessions; both are "${compare[0]}"`;
  }
  if (options.force && options.out === undefined) return '--force only applies with --out <file>';
  return null;
}

/**
 * An id given on the command line (a session, a prompt, a rubric): never empty or blank. An empty
 * argument would otherwise mean "none given" (the latest session, a random prompt) or, as a prefix, match
 * every id: an unset `$ID` in a script must not reach someone else's session. `what` names it ("session id").
 */
export function nonBlankId(what: string): (value: string) => string {
  return (value) => {
    if (value.trim() === '') throw new InvalidArgumentError(`Expected a ${what}; it is empty.`);
    return value;
  };
}

/** Each value of a repeatable or variadic id option (`--compare <ids...>`), collected in order; none blank. */
export function nonBlankIds(what: string): (value: string, previous: string[] | undefined) => string[] {
  const one = nonBlankId(what);
  return (value, previous) => [...(previous ?? []), one(value)];
}
