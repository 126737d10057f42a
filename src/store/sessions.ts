import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../io/atomic.js';
import { isSessionRecord, sessionFileName, type SessionRecord } from './session.js';

/** Sessions on disk: one JSON file each under <data>/sessions, written atomically. */

export function sessionsDir(dataDir: string): string {
  return join(dataDir, 'sessions');
}

export async function saveSession(dir: string, record: SessionRecord): Promise<string> {
  const file = join(dir, sessionFileName(record.id));
  await writeFileAtomic(file, `${JSON.stringify(record, null, 2)}\n`);
  return file;
}

export interface Listing {
  sessions: SessionRecord[];
  /** Files that are not readable sessions: reported, never fatal. */
  problems: Array<{ file: string; reason: string }>;
}

/** Every session, newest first. */
export async function listSessions(dir: string): Promise<Listing> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
  } catch {
    return { sessions: [], problems: [] };
  }
  const sessions: SessionRecord[] = [];
  const problems: Listing['problems'] = [];
  for (const name of names) {
    const file = join(dir, name);
    try {
      const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
      if (isSessionRecord(parsed)) sessions.push(parsed);
      else problems.push({ file, reason: 'not an mlsd session (unknown schema)' });
    } catch (error) {
      problems.push({ file, reason: error instanceof SyntaxError ? 'corrupt JSON' : String((error as NodeJS.ErrnoException).code ?? error) });
    }
  }
  sessions.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.id.localeCompare(a.id)));
  return { sessions, problems };
}

export type Found = { session: SessionRecord } | { error: 'none' | 'ambiguous'; matches: string[] };

/** A session by id or unique id prefix. */
export function findById(sessions: readonly SessionRecord[], prefix: string): Found {
  const exact = sessions.find((s) => s.id === prefix);
  if (exact) return { session: exact };
  const matches = sessions.filter((s) => s.id.startsWith(prefix));
  if (matches.length === 1) return { session: matches[0]! };
  return { error: matches.length === 0 ? 'none' : 'ambiguous', matches: matches.map((s) => s.id) };
}
