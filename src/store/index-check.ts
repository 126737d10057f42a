import { readFileSync, writeFileSync } from 'node:fs';

/**
 * What the last run of the session index checked (index-cache.ts), in `sessions.index.check` beside the
 * index: the sessions directory as it was when its names were listed, and where the rotating check of
 * file sizes and times stopped. Small, rewritten in place, disposable: anything wrong with it (missing,
 * cut short, from another index) means "nothing known", so the next run lists the directory again and
 * starts the rotation over.
 */
export interface IndexCheck {
  /** The seal (SHA-256 hex) of the index this check was made for: any other index ignores it. */
  seal: string;
  /** The directory's modification time, change time (ms) and inode when its names were last listed. */
  dir: [number, number, number];
  /**
   * Whether an unchanged directory can be trusted to hold the same names: false when the listing came
   * too soon after the directory last changed (a change in the same clock tick would not move its time)
   * or when it held names that are not session files to report again.
   */
  trusted: boolean;
  /** Where the rotating check goes on: the file name it reached, and its position then. */
  next: string | null;
  at: number;
}

/** The check file of a sessions directory. */
export function checkFile(dir: string): string {
  return `${dir}.index.check`;
}

/** The check written by the last run, with its text; null when there is none or it is not well formed. */
export function readCheck(file: string): { check: IndexCheck; text: string } | null {
  let text: string;
  let value: unknown;
  try {
    text = readFileSync(file, 'utf8');
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const { seal, dir, trusted, next, at } = v;
  if (typeof seal !== 'string' || typeof trusted !== 'boolean' || !(next === null || typeof next === 'string')) return null;
  if (!Number.isSafeInteger(at) || (at as number) < 0) return null;
  if (!Array.isArray(dir) || dir.length !== 3 || !dir.every((n) => typeof n === 'number' && Number.isFinite(n))) return null;
  return { check: { seal, dir: [dir[0], dir[1], dir[2]], trusted, next, at: at as number }, text };
}

/** Writes the check when it changed. Best effort: a read-only directory only means more checking next time. */
export function writeCheck(file: string, check: IndexCheck, previous: string | undefined): void {
  const text = `${JSON.stringify(check)}\n`;
  if (text === previous) return;
  try {
    writeFileSync(file, text);
  } catch {
    // nothing to do: the next run lists the directory and starts the rotation again
  }
}
