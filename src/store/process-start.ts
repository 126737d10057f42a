import { readFileSync } from 'node:fs';
import type { ProcessStart } from './session-lock-schema.js';

/**
 * When a process started, for the session locks (session-lock-rules.ts): a lock records its owner's start,
 * and a live process under the same pid that started at another time is not the owner (its pid was reused).
 *
 * Linux only: the boot id from /proc/sys/kernel/random/boot_id and field 22 (starttime, clock ticks since
 * boot) of /proc/<pid>/stat, as proc(5) describes them. Elsewhere (macOS, Windows, a /proc that hides other
 * users' processes) the start is unknown (null), and the locks fall back to asking only whether the pid is
 * alive, as before the start was recorded.
 */

/** Reads a small text file whole; throws when it cannot (the default reads the real /proc). */
export type ReadText = (path: string) => string;

const readText: ReadText = (path) => readFileSync(path, 'utf8');

/**
 * The start of process `pid` on this system, or null when the system does not say (not Linux, no such
 * process, unreadable or unexpected /proc). `read` and `platform` are injected for tests.
 */
export function readProcessStart(pid: number, read: ReadText = readText, platform: NodeJS.Platform = process.platform): ProcessStart | null {
  if (platform !== 'linux' || !Number.isSafeInteger(pid) || pid <= 0) return null;
  try {
    const startTicks = parseStartTicks(read(`/proc/${pid}/stat`));
    const bootId = read('/proc/sys/kernel/random/boot_id').trim();
    return startTicks === null || bootId === '' ? null : { bootId, startTicks };
  } catch {
    return null;
  }
}

/**
 * Field 22 (starttime) of a /proc/<pid>/stat line, or null when the line is not one. The second field,
 * the command name in parentheses, may itself hold spaces and parentheses, so fields are counted from the
 * last ')': the text after it starts with field 3 (state).
 */
export function parseStartTicks(stat: string): number | null {
  const close = stat.lastIndexOf(')');
  if (close < 0) return null;
  const fields = stat.slice(close + 1).trim().split(/\s+/);
  const value = fields[22 - 3];
  if (value === undefined || !/^\d+$/.test(value)) return null;
  const ticks = Number(value);
  return Number.isSafeInteger(ticks) ? ticks : null;
}
