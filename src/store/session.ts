import type { AnswersFormat } from '../answers/parse.js';
import type { InterviewState } from '../interview/session.js';
import type { CandidateLevel, ScoreReport } from '../scoring/report.js';
import type { AnswerSet } from '../scoring/score.js';

/** One saved session, a JSON file per session. `schema` lets later versions migrate old files. */
export const SESSION_SCHEMA = 1;

export type SessionStatus = 'active' | 'interrupted' | 'finished' | 'timed-out';

export interface SessionRecord {
  schema: typeof SESSION_SCHEMA;
  id: string;
  kind: 'score' | 'practice';
  createdAt: string;
  updatedAt: string;
  prompt: string;
  level: CandidateLevel;
  status: SessionStatus;
  answers: AnswerSet;
  /** For `score`: the file the answer came from. */
  source?: { file: string; format: AnswersFormat };
  /** For `practice`: the whole interview, so it can be resumed. */
  interview?: InterviewState;
  /** Present once the session is scored. */
  report?: ScoreReport;
}

const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * A short id that sorts by time: 8 characters of milliseconds in base 32, then 4 random ones (one
 * chance in a million that two sessions started in the same millisecond share an id, and even then
 * saving never replaces the other: see `saveSession`). Short enough to type; a prefix picks it out.
 */
export function newSessionId(now: Date, random: () => number): string {
  let ms = now.getTime();
  let time = '';
  for (let i = 0; i < 8; i++) {
    time = ID_ALPHABET[ms % 32] + time;
    ms = Math.floor(ms / 32);
  }
  let suffix = '';
  for (let i = 0; i < 4; i++) suffix += ID_ALPHABET[Math.floor(random() * 32) % 32]!;
  return time + suffix;
}

export function sessionFileName(id: string): string {
  return `${id}.json`;
}

/**
 * @deprecated A quick shape check without the schema: use `parseSession` (store/session-schema.ts),
 * which validates every field mlsd reads and strips terminal control.
 *
 * Brings a parsed session file up to the current shape, or returns null if it is not a session.
 * Early files lacked `status` and `updatedAt` (a scored answer is finished; it was last changed
 * when it was made). A file from a newer mlsd is refused rather than misread.
 */
export function migrateSession(value: unknown): SessionRecord | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (v.schema !== SESSION_SCHEMA || typeof v.id !== 'string' || typeof v.prompt !== 'string' || typeof v.createdAt !== 'string') return null;
  if (v.kind !== 'score' && v.kind !== 'practice') return null;
  const status = typeof v.status === 'string' ? v.status : v.kind === 'score' ? 'finished' : ((v.interview as { status?: string } | undefined)?.status ?? 'interrupted');
  return { ...(v as unknown as SessionRecord), status: status as SessionStatus, updatedAt: typeof v.updatedAt === 'string' ? v.updatedAt : v.createdAt };
}
