import { linkSync, lstatSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { judgeLock, parseLockOwner, type LockContext, type LockOwner, type LockVerdict } from './session-lock-rules.js';
import { makeDirsSync } from '../files/make-dirs.js';

/**
 * The lock of an open session on disk: `<sessions>/<id>.lock`, created exclusively (linked into place
 * whole, as new session files are, so never seen half written) and holding the owner's pid, host,
 * the time the lock was taken and, where the system tells it, when the owning process started, as JSON. Where links are not supported no lock is taken (`problem`). Whether an existing lock is live or left over is decided
 * by `judgeLock` (session-lock-rules.ts); this module only reads, creates, takes over and removes files.
 * The session index reads only `*.json`, so lock files never show up as sessions.
 */

/** A lock this process holds. `release` is idempotent and synchronous (safe in an 'exit' handler). */
export interface HeldLock {
  file: string;
  release(): void;
}

/** Where the process asking is (see LockContext) and its own pid. */
export type LockHere = LockContext & { pid: number };

export type LockResult =
  /** Ours now. `tookOver`: a left-over lock was replaced (say so). `problem`: no lock could be written (read-only directory): carry on unlocked. */
  | { held: HeldLock; tookOver?: Extract<LockVerdict, { kind: 'stale' }>; problem?: string }
  /** Another live mlsd has the session open. */
  | { refused: LockOwner; file: string };

export function lockFile(dir: string, id: string): string {
  return join(dir, `${id}.lock`);
}

/** The state of a session's lock: null when there is none, else what judgeLock says of it. */
export function sessionLockState(dir: string, id: string, here: LockHere): LockVerdict | null {
  const text = readLock(lockFile(dir, id));
  return text === null ? null : judgeLock(parseLockOwner(text), here);
}

/**
 * Takes the lock of session `id`: created exclusively; an existing lock is judged, a live one refused
 * and a stale one moved aside (renamed, then checked to be the one judged, so two processes taking over
 * the same stale lock cannot both win) before trying again.
 */
export function lockSession(dir: string, id: string, here: LockHere): LockResult {
  const file = lockFile(dir, id);
  const processStart = here.processStart?.(here.pid) ?? null;
  const owner: LockOwner = { pid: here.pid, host: here.host, startedAt: new Date(here.now).toISOString(), ...(processStart ? { processStart } : {}) };
  const mine = `${JSON.stringify(owner)}\n`;
  let tookOver: Extract<LockVerdict, { kind: 'stale' }> | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      createWhole(dir, file, mine, here.pid);
      return { held: held(file, mine), ...(tookOver ? { tookOver } : {}) };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') return { held: { file, release: () => {} }, problem: code ?? String(error) };
    }
    const text = readLock(file);
    if (text === null) continue; // removed meanwhile: try again
    const verdict = judgeLock(parseLockOwner(text), here);
    if (verdict.kind === 'live') return { refused: verdict.owner, file };
    const aside = `${file}.stale-${here.pid}`;
    try {
      renameSync(file, aside);
    } catch {
      continue;
    }
    if (readLock(aside) !== text) {
      // Another process replaced the stale lock between our read and our rename: put its lock back.
      try {
        linkSync(aside, file);
      } catch {
        // a third one is there already; the next attempt judges it
      }
    } else {
      tookOver = verdict;
    }
    try {
      rmSync(aside, { force: true, recursive: true });
    } catch {
      // left beside the lock; it no longer stands in the way
    }
  }
  const text = readLock(file);
  const owner2 = text === null ? null : parseLockOwner(text);
  return owner2 ? { refused: owner2, file } : { held: { file, release: () => {} }, problem: 'the lock kept changing' };
}

/**
 * Creates `file` holding `text`, or fails with EEXIST when it exists: written to a temporary file first and
 * linked into place (link(2) never replaces), so no reader ever sees a lock half written.
 */
function createWhole(dir: string, file: string, text: string, pid: number): void {
  makeDirsSync(dir);
  const temporary = `${file}.${pid}.${Date.now()}.tmp`;
  writeFileSync(temporary, text, { flag: 'wx', mode: 0o600 });
  try {
    linkSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
}

function held(file: string, mine: string): HeldLock {
  let released = false;
  return {
    file,
    release: () => {
      if (released) return;
      released = true;
      // Only our own lock is removed: one taken over meanwhile belongs to someone else.
      if (readLock(file) === mine) rmSync(file, { force: true });
    },
  };
}

/** A lock file's text; null when there is none, or it is not a small regular file (never a FIFO's wait). */
function readLock(file: string): string | null {
  try {
    const info = lstatSync(file);
    if (!info.isFile() || info.size > 4096) return '';
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
