/**
 * Who has a session open, and whether another mlsd may take it (pure: the caller says which process
 * ids are alive). One lock per open session (`store/session-lock.ts` keeps it on disk) stops two
 * processes from saving the same session, where the last save would silently win.
 */

import { isLockOwner } from './session-lock-check.generated.js';
import type { LockOwner } from './session-lock-schema.js';

export type { LockOwner } from './session-lock-schema.js';

/** Where the process asking is, and how to tell whether a process on this host is alive. */
export interface LockContext {
  host: string;
  /** Milliseconds since the epoch. */
  now: number;
  /** Whether a process with this id runs on this host (process.kill(pid, 0) in the caller). */
  isAlive(pid: number): boolean;
}

/** A lock on another host cannot be checked: after this long it is taken to be left over. */
export const FOREIGN_LOCK_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * What a lock means to the process asking:
 * - `live`: another mlsd has the session open now; leave it alone.
 * - `stale`: the lock was left behind (its process is gone, it is unreadable, or it is from another
 *   host and older than FOREIGN_LOCK_MAX_AGE_MS); it may be taken over, saying so.
 */
export type LockVerdict = { kind: 'live'; owner: LockOwner } | { kind: 'stale'; owner: LockOwner | null; reason: string };

/**
 * Judges an existing lock (`null` content: the file could not be parsed). A lock held by this very
 * process (same host and pid) counts as stale: it is this process's own, left from an earlier run in
 * the same process (tests) or a crash of a process whose id was reused.
 */
export function judgeLock(owner: LockOwner | null, here: LockContext & { pid: number }): LockVerdict {
  if (!owner) return { kind: 'stale', owner: null, reason: 'its lock file is unreadable' };
  if (owner.host === here.host) {
    if (owner.pid === here.pid) return { kind: 'stale', owner, reason: 'it was left by this same process' };
    return here.isAlive(owner.pid) ? { kind: 'live', owner } : { kind: 'stale', owner, reason: `its process (pid ${owner.pid}) has ended` };
  }
  const started = Date.parse(owner.startedAt);
  const age = Number.isFinite(started) ? here.now - started : Number.POSITIVE_INFINITY;
  return age > FOREIGN_LOCK_MAX_AGE_MS ? { kind: 'stale', owner, reason: `its lock from ${owner.host} is more than a day old` } : { kind: 'live', owner };
}

/** A lock file's content read back: the owner, or null when it is not a lock this module wrote (lockOwnerSchema). */
export function parseLockOwner(text: string): LockOwner | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  return isLockOwner(value) ? { pid: value.pid, host: value.host, startedAt: value.startedAt } : null;
}
