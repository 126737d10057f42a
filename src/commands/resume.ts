import { CliError, EXIT } from '../errors.js';
import { resolvePaths } from '../files/paths.js';
import { loadSummaries } from '../store/index-cache.js';
import { readSheet } from '../store/peer-sheet-schema.js';
import { findById, readSession, sessionsDir } from '../store/session-files.js';
import type { SessionSummary } from '../store/summary.js';
import type { GlobalOptions, Io } from './command-io.js';
import { sessionByPrefix } from './session-lookup.js';
import { canResume } from '../interview/session-status.js';

/**
 * `mlsd resume`: sends an interrupted peer interview to the interviewer's sheet and everything
 * else to practice, which keeps its own checks and messages.
 */
export interface ResumeDispatchOptions extends GlobalOptions {
  editor?: boolean;
}


export async function resumeAny(idPrefix: string | undefined, options: ResumeDispatchOptions, io: Io): Promise<number> {
  const dir = sessionsDir(resolvePaths(io.env).data);
  const { summaries } = await loadSummaries(dir);
  let target: SessionSummary | undefined;
  if (idPrefix) {
    // A prefix that several sessions share but only one resumable session has means that one
    // (the quit message's id is often typed short or wraps); otherwise every session is searched,
    // so a finished one gets its own message.
    // Which session is meant is settled before anything asks for a terminal.
    const open = findById(summaries.filter(canResume), idPrefix);
    target = 'session' in open ? open.session : sessionByPrefix(summaries, idPrefix);
    if (!canResume(target)) throw new CliError(`session ${target.id} is ${target.status} and cannot be resumed; see it with \`mlsd review ${target.id}\``, EXIT.usage);
  } else {
    target = summaries.find(canResume);
  }
  if (target?.kind === 'interview') {
    const record = await readSession(dir, target.id);
    if (!record?.sheet) throw new CliError(`session ${target.id} can no longer be read from ${dir}`, EXIT.failure);
    const checked = readSheet(record.sheet);
    if ('error' in checked) throw new CliError(`session ${target.id} cannot be resumed: its file is damaged (${checked.error})`, EXIT.failure);
    return (await import('./interview.js')).resumeInterview({ ...record, sheet: checked.sheet }, options, io);
  }
  return (await import('./practice.js')).resumeCommand(target?.id ?? idPrefix, options, io);
}
