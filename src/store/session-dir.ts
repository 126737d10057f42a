import { join } from 'node:path';

/**
 * Where the sessions of a data directory live, and finding one among listed sessions by id. Kept apart
 * from session-files.ts, which saves sessions in their file format, so that `history` and `stats` (which
 * list sessions through the index) do not load the session format, the interview machine and the scorer.
 */

/** The sessions directory of a data directory. */
export function sessionsDir(dataDir: string): string {
  return join(dataDir, 'sessions');
}

export type Found<T> = { session: T } | { error: 'none' | 'ambiguous'; matches: string[] };

/** A session by id or unique id prefix. */
export function findById<T extends { id: string }>(sessions: readonly T[], prefix: string): Found<T> {
  const exact = sessions.find((s) => s.id === prefix);
  if (exact) return { session: exact };
  const matches = sessions.filter((s) => s.id.startsWith(prefix));
  if (matches.length === 1) return { session: matches[0]! };
  return { error: matches.length === 0 ? 'none' : 'ambiguous', matches: matches.map((s) => s.id) };
}
