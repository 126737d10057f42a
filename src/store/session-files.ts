import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomicSync } from '../files/atomic-sync.js';
import { WriteError, writeFileAtomic, type WriteFn } from '../files/atomic.js';
import { asReadError, MAX_SESSION_BYTES, readTextFile } from '../files/read.js';
import { toSessionFile } from './session-format.js';
import { sessionFileName, type SessionRecord } from './session-record.js';

// Where sessions live and finding one by id, in a module of their own so that listing sessions does not
// load the session format (and with it the interview machine and the scorer).
export { findById, sessionsDir, type Found } from './session-dir.js';

/** Sessions on disk: one JSON file each under <data>/sessions (format: session-format.ts), written atomically. */

// Same rule as SESSION_ID in session-schema.ts, kept here so saving does not load the schema library.
const SAFE_ID = /^[0-9a-z][0-9a-z-]{0,63}$/;

export interface SaveOptions {
  /** Writes the temporary file (tests inject a full disk). */
  write?: WriteFn;
  /** A new session: fail with a WriteError of code EEXIST rather than replace any file with its id. */
  create?: boolean;
}

/**
 * Writes a session atomically. An id that is not a plain session id (a path, say) is refused. A
 * file already there is replaced only when it is this same session (same id and start time): a
 * different session that happens to share the id, or a damaged file, is never overwritten.
 */
export async function saveSession(dir: string, record: SessionRecord, options: SaveOptions = {}): Promise<string> {
  if (!SAFE_ID.test(record.id)) throw new Error(`refusing to save a session with the id "${record.id}": not a session id`);
  const file = join(dir, sessionFileName(record.id));
  const content = sessionJson(record);
  if (options.create) {
    await writeFileAtomic(file, content, { write: options.write, exclusive: true });
    return file;
  }
  const existing = await sameSession(file, record);
  if (existing === 'other') throw new WriteError(file, 'a different session (or a damaged file) is already saved under this id; it was left alone', 'EEXIST');
  await writeFileAtomic(file, content, { write: options.write, exclusive: existing === 'none' });
  return file;
}

/**
 * The last save before the process ends (on a signal): synchronous, so it completes before exit.
 * Meant for a session this process has been saving all along; the id is checked like saveSession's.
 */
export function saveSessionSync(dir: string, record: SessionRecord): string {
  if (!SAFE_ID.test(record.id)) throw new Error(`refusing to save a session with the id "${record.id}": not a session id`);
  const file = join(dir, sessionFileName(record.id));
  writeFileAtomicSync(file, sessionJson(record));
  return file;
}

/** A session as the text of its file. */
export function sessionJson(record: SessionRecord): string {
  return `${JSON.stringify(toSessionFile(record), null, 2)}\n`;
}

/** Deletes a session's file, if there is one (a practice session in which nothing was typed). */
export function removeSessionSync(dir: string, id: string): void {
  if (!SAFE_ID.test(id)) return;
  rmSync(join(dir, sessionFileName(id)), { force: true });
}

/** Whether the file at `file` is missing, this same session, or something else. */
async function sameSession(file: string, record: SessionRecord): Promise<'none' | 'same' | 'other'> {
  let text: string;
  try {
    text = await readTextFile(file, { maxBytes: MAX_SESSION_BYTES });
  } catch (error) {
    return asReadError(file, error).code === 'ENOENT' ? 'none' : 'other';
  }
  try {
    // Only two fields are compared, so no schema is loaded; nothing else of the file is trusted.
    const saved: unknown = JSON.parse(text);
    const same = typeof saved === 'object' && saved !== null && 'id' in saved && 'createdAt' in saved && saved.id === record.id && saved.createdAt === record.createdAt;
    return same ? 'same' : 'other';
  } catch {
    return 'other';
  }
}

/** A session read by id, or why it cannot be: missing, not a regular file, too big, corrupt, not a session. */
export type Loaded = { record: SessionRecord; file: string } | { problem: string; file: string };

/** One session by id, validated with its schema; the id is checked before it becomes a path. */
export async function loadSession(dir: string, id: string): Promise<Loaded> {
  if (!SAFE_ID.test(id)) return { problem: `"${id}" is not a session id`, file: dir };
  const file = join(dir, sessionFileName(id));
  let parsed: unknown;
  let text: string;
  try {
    text = await readTextFile(file, { maxBytes: MAX_SESSION_BYTES });
    parsed = JSON.parse(text);
  } catch (error) {
    return { problem: error instanceof SyntaxError ? 'corrupt JSON' : asReadError(file, error).reason, file };
  }
  // The schema library is loaded only when a session file is actually read.
  const { parseSession } = await import('./session-schema.js');
  const result = parseSession(parsed, id, { text });
  return 'record' in result ? { record: result.record, file } : { problem: result.error, file };
}

/** One session by id; null when the file is missing or not a valid session. */
export async function readSession(dir: string, id: string): Promise<SessionRecord | null> {
  const loaded = await loadSession(dir, id);
  return 'record' in loaded ? loaded.record : null;
}
