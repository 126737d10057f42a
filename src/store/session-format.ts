import type { AnswersFormat } from '../answers/parse.js';
import { answerSetOf } from '../interview/interview-machine.js';
import type { SessionStatus } from '../interview/session-status.js';
import type { CandidateLevel, ScoreReport } from '../scoring/report.js';
import type { AnswerSet } from '../scoring/score.js';
import { fromPracticeLog, toPracticeLog, type PracticeLog } from './practice-log.js';
import type { SessionRecord } from './session-record.js';
import { fromSheetLog, toSheetLog, type SheetLog } from './sheet-log.js';

/**
 * The session file, format 2: one JSON file per session under <data>/sessions (docs/architecture.md,
 * Contracts). It stores what happened, not the interview's in-memory state: the session's own fields
 * at the top (the index reads only these and the report), then what was said and when (`practice` or
 * `sheet`), and the report once scored. Written without zod (saving must not load it); read back
 * through the schema in session-schema.ts, which also migrates format 1.
 */

export { SESSION_SCHEMA } from './session-version.js';
import { SESSION_SCHEMA } from './session-version.js';

export interface SessionFile {
  schema: typeof SESSION_SCHEMA;
  id: string;
  kind: SessionRecord['kind'];
  createdAt: string;
  updatedAt: string;
  prompt: string;
  level: CandidateLevel;
  status: SessionStatus;
  /** Peer interviews: who was interviewed. */
  candidate?: string;
  /** `score`: the file the answer came from. */
  source?: { file: string; format: AnswersFormat };
  /**
   * The text that was scored, when it is not in `practice`: a written answer (`score`), or the
   * candidate's own notes scored beside the marks (`interview --answers`). Never stored for practice.
   */
  answers?: AnswerSet;
  /** `practice`: the interview, stage by stage. */
  practice?: PracticeLog;
  /** `interview`: the interviewer's sheet. */
  sheet?: SheetLog;
  /** The report, once scored (for `interview`, from the marks). */
  report?: ScoreReport;
  /** `interview --answers`: the automatic score of the candidate's notes. */
  automatic?: ScoreReport;
}

/** The file a session is saved as. */
export function toSessionFile(record: SessionRecord): SessionFile {
  const storesAnswers = record.kind === 'score' || (record.kind === 'interview' && (record.automatic !== undefined || Object.keys(record.answers.sections).length > 0));
  return {
    schema: SESSION_SCHEMA,
    id: record.id,
    kind: record.kind,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    prompt: record.prompt,
    level: record.level,
    status: record.status,
    ...(record.candidate !== undefined ? { candidate: record.candidate } : {}),
    ...(record.source ? { source: record.source } : {}),
    ...(storesAnswers ? { answers: record.answers } : {}),
    ...(record.interview ? { practice: toPracticeLog(record.interview) } : {}),
    ...(record.sheet ? { sheet: toSheetLog(record.sheet) } : {}),
    ...(record.report ? { report: record.report } : {}),
    ...(record.automatic ? { automatic: record.automatic } : {}),
  };
}

/**
 * The session rebuilt from its file: the interview's (or sheet's) state from its log and, for practice,
 * the answers from the interview. Or what is wrong: a kind without its part, a log that does not add up.
 */
export function fromSessionFile(file: SessionFile): { record: SessionRecord } | { error: string } {
  const base = {
    id: file.id,
    kind: file.kind,
    createdAt: file.createdAt,
    updatedAt: file.updatedAt,
    prompt: file.prompt,
    level: file.level,
    status: file.status,
    ...(file.candidate !== undefined ? { candidate: file.candidate } : {}),
    ...(file.source ? { source: file.source } : {}),
    ...(file.report ? { report: file.report } : {}),
    ...(file.automatic ? { automatic: file.automatic } : {}),
  };
  if (file.kind === 'practice') {
    if (!file.practice) return { error: 'practice: a practice session needs its interview' };
    const rebuilt = fromPracticeLog(file.practice, file);
    if ('error' in rebuilt) return rebuilt;
    return { record: { ...base, answers: answerSetOf(rebuilt.state), interview: rebuilt.state } };
  }
  if (file.kind === 'interview') {
    if (!file.sheet) return { error: "sheet: a peer interview needs the interviewer's sheet" };
    const rebuilt = fromSheetLog(file.sheet, file);
    if ('error' in rebuilt) return rebuilt;
    return { record: { ...base, answers: file.answers ?? { sections: {} }, sheet: rebuilt.state } };
  }
  if (!file.answers) return { error: 'answers: a scored answer needs its text' };
  return { record: { ...base, answers: file.answers } };
}
