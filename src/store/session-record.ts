import type { AnswersFormat } from '../answers/parse.js';
import type { PeerSheetState } from '../interview/peer-sheet.js';
import type { InterviewState } from '../interview/interview-machine.js';
import type { CandidateLevel, ScoreReport } from '../scoring/report.js';
import type { AnswerSet } from '../scoring/score.js';

/** One saved session, a JSON file per session. `schema` lets later versions migrate old files. */
export const SESSION_SCHEMA = 1;

export type SessionStatus = 'active' | 'interrupted' | 'finished' | 'timed-out';

export interface SessionRecord {
  schema: typeof SESSION_SCHEMA;
  id: string;
  /** score: a written answer; practice: a timed interview in the terminal; interview: a peer mock, marked by the interviewer. */
  kind: 'score' | 'practice' | 'interview';
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
  /** Present once the session is scored. For `interview`, built from the interviewer's marks. */
  report?: ScoreReport;
  /** For `interview`: the interviewer's sheet (marks, flags, notes, facts, clock), so it can be resumed. */
  sheet?: PeerSheetState;
  /** For `interview`: who was interviewed, when the interviewer said. */
  candidate?: string;
  /** For `interview --answers`: the automatic score of the candidate's own notes, to set beside the marks. */
  automatic?: ScoreReport;
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
  if (v.kind !== 'score' && v.kind !== 'practice' && v.kind !== 'interview') return null;
  const live = (v.kind === 'interview' ? v.sheet : v.interview) as { status?: string } | undefined;
  const status = typeof v.status === 'string' ? v.status : v.kind === 'score' ? 'finished' : (live?.status ?? 'interrupted');
  return { ...(v as unknown as SessionRecord), status: status as SessionStatus, updatedAt: typeof v.updatedAt === 'string' ? v.updatedAt : v.createdAt };
}
