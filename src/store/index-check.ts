import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { readSmallFile } from '../files/read.js';
import { isIndexCheck } from './index-check-check.generated.js';
import type { IndexCheck } from './index-check-schema.js';

const MAX_CHECK_BYTES = 64 * 1024;

/**
 * What the last run of the session index checked (index-cache.ts), in `sessions.index.check` beside the
 * index: the sessions directory as it was when its names were listed, and where the rotating check of
 * file sizes and times stopped. Small, rewritten in place, disposable: anything wrong with it (missing,
 * cut short, from another index) means "nothing known", so the next run lists the directory again and
 * starts the rotation over.
 */
export type { IndexCheck } from './index-check-schema.js';

/** The check file of a sessions directory. */
export function checkFile(dir: string): string {
  return `${dir}.index.check`;
}

/** The check written by the last run, with its text; null when there is none or it is not well formed (indexCheckSchema). */
export function readCheck(file: string): { check: IndexCheck; text: string } | null {
  // Never a FIFO's wait, never a huge file: the check is a line of about 150 bytes.
  const text = readSmallFile(file, MAX_CHECK_BYTES);
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  return isIndexCheck(value) ? { check: value, text } : null;
}

/** Writes the check when it changed. Best effort: a read-only directory only means more checking next time. */
export function writeCheck(file: string, check: IndexCheck, previous: string | undefined): void {
  const text = `${JSON.stringify(check)}\n`;
  if (text === previous) return;
  // Written beside it and renamed into place: whatever was there (a FIFO a write would wait on) is replaced,
  // and a run that stops halfway leaves the old check or none, never half of one. Not flushed: disposable.
  const temp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, text, { flag: 'w', mode: 0o600 });
    renameSync(temp, file);
  } catch {
    // nothing to do: the next run lists the directory and starts the rotation again
    try {
      rmSync(temp, { force: true });
    } catch {
      // nothing left to remove
    }
  }
}
