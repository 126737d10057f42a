import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../io/atomic.js';
import { writeFileAtomicSync } from '../io/atomic-sync.js';
import { migrateSession, sessionFileName, type SessionRecord } from './session.js';

/** Sessions on disk: one JSON file each under <data>/sessions, written atomically. */

export function sessionsDir(dataDir: string): string {
  return join(dataDir, 'sessions');
}

export async function saveSession(dir: string, record: SessionRecord): Promise<string> {
  const file = join(dir, sessionFileName(record.id));
  await writeFileAtomic(file, `${JSON.stringify(record, null, 2)}\n`);
  return file;
}

/** The last save before the process ends (signals): synchronous. */
export function saveSessionSync(dir: string, record: SessionRecord): string {
  const file = join(dir, sessionFileName(record.id));
  writeFileAtomicSync(file, `${JSON.stringify(record, null, 2)}\n`);
  return file;
}

/** Deletes a session's file, if there is one (a practice session in which nothing was typed). */
export function removeSessionSync(dir: string, id: string): void {
  rmSync(join(dir, sessionFileName(id)), { force: true });
}

/** One session by id; null when the file is missing or not a session. */
export async function readSession(dir: string, id: string): Promise<SessionRecord | null> {
  try {
    const parsed: unknown = JSON.parse(await readFile(join(dir, sessionFileName(id)), 'utf8'));
    return migrateSession(parsed);
  } catch {
    return null;
  }
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
