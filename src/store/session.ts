import type { AnswersFormat } from '../answers/parse.js';
import type { CandidateLevel, ScoreReport } from '../scoring/report.js';
import type { AnswerSet } from '../scoring/score.js';

/** One saved session, a JSON file per session. `schema` lets later versions migrate old files. */
export const SESSION_SCHEMA = 1;

export interface SessionRecord {
  schema: typeof SESSION_SCHEMA;
  id: string;
  kind: 'score' | 'practice';
  createdAt: string;
  prompt: string;
  level: CandidateLevel;
  answers: AnswerSet;
  source?: { file: string; format: AnswersFormat };
  report: ScoreReport;
}

const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * A short id that sorts by time: 8 characters of milliseconds in base 32, then 2 random ones.
 * Short enough to type, and a prefix picks it out.
 */
export function newSessionId(now: Date, random: () => number): string {
  let ms = now.getTime();
  let time = '';
  for (let i = 0; i < 8; i++) {
    time = ID_ALPHABET[ms % 32] + time;
    ms = Math.floor(ms / 32);
  }
  const suffix = ID_ALPHABET[Math.floor(random() * 32)]! + ID_ALPHABET[Math.floor(random() * 32)]!;
  return time + suffix;
}

export function sessionFileName(id: string): string {
  return `${id}.json`;
}
