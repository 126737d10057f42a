import * as z from 'zod/mini';

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
});

/** The process that holds a session open, as written in its lock file. */
export type LockOwner = z.infer<typeof lockOwnerSchema>;
