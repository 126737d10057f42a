import * as z from 'zod/mini';

/**
 * `sessions.index.check` (index-check.ts) as written: what the last run of the session index checked.
 * This zod schema is the definition; the file is read with the check generated from it
 * (index-check-check.generated.ts, `npm run generate`), so `history` never loads zod to read it.
 */
export const indexCheckSchema = z.strictObject({
  /** The seal (SHA-256 hex) of the index this check was made for: any other index ignores it. */
  seal: z.string(),
  /** The directory's modification time, change time (ms) and inode when its names were last listed. */
  dir: z.tuple([z.number(), z.number(), z.number()]),
  /**
   * Whether an unchanged directory can be trusted to hold the same names: false when the listing came
   * too soon after the directory last changed (a change in the same clock tick would not move its time)
   * or when it held names that are not session files to report again.
   */
  trusted: z.boolean(),
  /** Where the rotating check goes on: the file name it reached, and its position then (a safe integer >= 0). */
  next: z.nullable(z.string()),
  at: z.number().check(z.int(), z.nonnegative()),
});

/** What the last run of the session index checked (see indexCheckSchema). */
export type IndexCheck = z.infer<typeof indexCheckSchema>;
