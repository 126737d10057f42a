import * as z from 'zod/mini';

/**
 * When a process started, as the operating system counts it, so that a pid reused by an unrelated
 * process after the lock's owner died can be told apart from the owner (store/process-start.ts reads it).
 * On Linux: the boot id (/proc/sys/kernel/random/boot_id) and the process's start time in clock ticks
 * since that boot (field 22, starttime, of /proc/<pid>/stat; proc(5)). Two readings of the same live
 * process are equal; a process started later under the same pid, or after a reboot, differs.
 */
export const processStartSchema = z.object({
  /** The boot id of the system the process runs in: a UUID, compared as text. */
  bootId: z.string(),
  /** The process's start time in clock ticks since boot: a non-negative integer. */
  startTicks: z.number().check(z.int(), z.nonnegative()),
});

/** When a process started (see processStartSchema). */
export type ProcessStart = z.infer<typeof processStartSchema>;

/**
 * A session lock file (`sessions/<id>.lock`, store/session-lock.ts) as mlsd writes it: the process
 * that holds the session open. This zod schema is the definition; the lock is read with the check
 * generated from it (session-lock-check.generated.ts, `npm run generate`), so `history`, which looks
 * at the locks of sessions in progress, never loads zod.
 */
export const lockOwnerSchema = z.object({
  /** The process id on `host`: a positive integer. */
  pid: z.number().check(z.int(), z.positive()),
  /** The host name (os.hostname()) of the machine the process runs on. */
  host: z.string(),
  /** When the lock was taken, ISO 8601. */
  startedAt: z.string(),
  /**
   * When the owning process itself started (Linux); absent in locks written before it was recorded
   * and where the system does not tell it, and then a live pid is taken to be the owner.
   */
  processStart: z.optional(processStartSchema),
});

/** The process that holds a session open, as written in its lock file. */
export type LockOwner = z.infer<typeof lockOwnerSchema>;
