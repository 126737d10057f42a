import { hostname } from 'node:os';
import { CliError, EXIT } from '../errors.js';
import { readProcessStart } from '../store/process-start.js';
import { lockSession, sessionLockState, type HeldLock, type LockHere } from '../store/session-lock.js';
import type { LockOwner } from '../store/session-lock-rules.js';
import { renderNote } from '../ui/notices.js';
import { stderrStyle, stderrWidth, type GlobalOptions, type Io } from './command-io.js';

/**
 * The locks of open sessions, as the live commands (practice, interview, resume) use them: one process
 * per session, so two never save over each other. The files are store/session-lock.ts, the rules
 * store/session-lock-rules.ts; this module wires in the process (pid, host, which pids are alive and when
 * each started, store/process-start.ts) and the messages.
 */

/** This process, for the lock rules: its pid, host and clock, and which processes are alive and since when (Linux's /proc). */
export function lockHere(io: Io): LockHere {
  return { pid: process.pid, host: hostname(), now: io.now().getTime(), isAlive: processAlive, processStart: (pid) => readProcessStart(pid) };
}

/** Whether a process with this id exists on this host (EPERM: it exists but belongs to someone else). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** "session X is open in another mlsd (pid N) since HH:MM; finish it there", and where the lock is. */
export function openElsewhereMessage(id: string, owner: LockOwner, file: string): string {
  const since = new Date(owner.startedAt);
  const pad = (n: number) => String(n).padStart(2, '0');
  const when = Number.isNaN(since.getTime()) ? '' : ` since ${pad(since.getHours())}:${pad(since.getMinutes())}`;
  return `session ${id} is open in another mlsd (pid ${owner.pid}${owner.host === hostname() ? '' : ` on ${owner.host}`})${when}; finish it there.\n  If no mlsd has it open, delete ${file} and try again.`;
}

/** The owner of the live lock on session `id`, or null when no other mlsd has it open. */
export function openElsewhere(dir: string, id: string, io: Io): LockOwner | null {
  const state = sessionLockState(dir, id, lockHere(io));
  return state?.kind === 'live' ? state.owner : null;
}

/**
 * Takes the lock of session `id` for this process, or refuses (exit 1) when another live mlsd has it
 * open. A left-over lock is taken over with a note on stderr. The lock is removed when `release` is
 * called or, whatever ends the process (a finish, a quit, a signal's exit, a crash), on 'exit'; only
 * SIGKILL leaves it, and the next process finds its pid dead.
 */
export function takeSessionLock(dir: string, id: string, io: Io, options: GlobalOptions): HeldLock {
  const result = lockSession(dir, id, lockHere(io));
  if ('refused' in result) throw new CliError(openElsewhereMessage(id, result.refused, result.file), EXIT.failure);
  if (result.tookOver) {
    io.stderr.write(`${renderNote(`session ${id} was left open by an mlsd that is gone (${result.tookOver.reason}); this one takes it over`, stderrStyle(io, options), stderrWidth(io))}\n`);
  }
  const { held } = result;
  process.once('exit', held.release);
  return {
    file: held.file,
    release: () => {
      process.off('exit', held.release);
      held.release();
    },
  };
}
