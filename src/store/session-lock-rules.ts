/**
 * Who has a session open, and whether another mlsd may take it (pure: the caller says which process
 * ids are alive). One lock per open session (`store/session-lock.ts` keeps it on disk) stops two
 * processes from saving the same session, where the last save would silently win.
 */

import { isLockOwner } from './session-lock-check.generated.js';
import type { LockOwner, ProcessStart } from './session-lock-schema.js';

export type { LockOwner, ProcessStart } from './session-lock-schema.js';

/** Where the process asking is, and how to tell whether a process on this host is alive. */
export interface LockContext {
  host: string;
  /** Milliseconds since the epoch. */
  now: number;
  /** Whether a process with this id runs on this host (process.kill(pid, 0) in the caller). */
  isAlive(pid: number): boolean;
  /**
   * When the process with this id on this host started, or null when the system does not say
   * (store/process-start.ts: Linux's /proc; null elsewhere). Without it, a live pid is taken to be the owner.
   */
  processStart?(pid: number): ProcessStart | null;
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
 * the same process (tests) or a crash of a process whose id was reused. A lock on this host whose pid is
 * alive is live, unless both the lock and the system tell when the process started (`processStart`) and
 * the two differ: then its owner has ended and the pid was reused by an unrelated process (or the system
 * was restarted), and the lock is stale. A lock written before the start was recorded, or a system that
 * does not tell it (not Linux), keeps the older rule: a live pid means a live owner.
 */
export function judgeLock(owner: LockOwner | null, here: LockContext & { pid: number }): LockVerdict {
  if (!owner) return { kind: 'stale', owner: null, reason: 'its lock file is unreadable' };
  if (owner.host === here.host) {
    if (owner.pid === here.pid) return { kind: 'stale', owner, reason: 'it was left by this same process' };
    if (!here.isAlive(owner.pid)) return { kind: 'stale', owner, reason: `its process (pid ${owner.pid}) has ended` };
    const now = owner.processStart ? (here.processStart?.(owner.pid) ?? null) : null;
    if (owner.processStart && now && !sameStart(owner.processStart, now)) {
      return { kind: 'stale', owner, reason: `its process (pid ${owner.pid}) has ended; that pid now belongs to another process` };
    }
    return { kind: 'live', owner };
  }
  const started = Date.parse(owner.startedAt);
  const age = Number.isFinite(started) ? here.now - started : Number.POSITIVE_INFINITY;
  return age > FOREIGN_LOCK_MAX_AGE_MS ? { kind: 'stale', owner, reason: `its lock from ${owner.host} is more than a day old` } : { kind: 'live', owner };
}

function sameStart(a: ProcessStart, b: ProcessStart): boolean {
  return a.bootId === b.bootId && a.startTicks === b.startTicks;
}

/** A lock file's content read back: the owner, or null when it is not a lock this module wrote (lockOwnerSchema). */
export function parseLockOwner(text: string): LockOwner | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isLockOwner(value)) return null;
  const { pid, host, startedAt, processStart } = value;
  return { pid, host, startedAt, ...(processStart ? { processStart: { bootId: processStart.bootId, startTicks: processStart.startTicks } } : {}) };
}
