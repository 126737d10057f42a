import { readFileSync } from 'node:fs';
import type { SessionRecord } from '../../src/store/session-record.js';
import { parseSession } from '../../src/store/session-schema.js';

/**
 * A saved session file read back as mlsd reads it (format 2 rebuilt into the session: the interview's
 * state, the derived answers). Throws when the file is not a valid session.
 */
export function readSessionRecord(file: string): SessionRecord {
  const parsed = parseSession(JSON.parse(readFileSync(file, 'utf8')));
  if ('error' in parsed) throw new Error(`${file}: ${parsed.error}`);
  return parsed.record;
}
