import type { AnswersFormat } from '../answers/parse.js';
import type { PeerSheetState } from '../interview/peer-sheet.js';
import type { InterviewState } from '../interview/interview-machine.js';
import type { CandidateLevel, ScoreReport } from '../scoring/report.js';
import type { AnswerSet } from '../scoring/score.js';
import type { SessionStatus } from '../interview/session-status.js';

export type { SessionStatus } from '../interview/session-status.js';

/**
 * One session as mlsd works with it in memory: what commands, views and the index read. It is not
 * what is saved: a session file (store/session-format.ts, format 2) keeps what was said and when, and
 * the interview's state and `answers` are rebuilt from it on load.
 */
export interface SessionRecord {
  id: string;
  /** score: a written answer; practice: a timed interview in the terminal; interview: a peer mock, marked by the interviewer. */
  kind: 'score' | 'practice' | 'interview';
  createdAt: string;
  updatedAt: string;
  prompt: string;
  level: CandidateLevel;
  status: SessionStatus;
  /**
   * What is scored. For `score` the answer read from its file; for `practice` derived from the
   * interview; for `interview` the candidate's own notes when given (`--answers`), else empty.
   */
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

/** The file a session is saved in, inside the sessions directory. */
export function sessionFileName(id: string): string {
  return `${id}.json`;
}
