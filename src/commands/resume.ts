import { CliError, EXIT } from '../errors.js';
import { resolvePaths } from '../files/paths.js';
import { loadSummaries } from '../store/index-cache.js';
import { readSheet } from '../store/peer-sheet-schema.js';
import { findById, readSession, sessionsDir } from '../store/session-files.js';
import type { SessionSummary } from '../store/summary.js';
import type { GlobalOptions, Io } from './command-io.js';

/**
 * `mlsd resume`: sends an interrupted peer interview to the interviewer's sheet and everything
 * else to practice, which keeps its own checks and messages.
 */
export interface ResumeDispatchOptions extends GlobalOptions {
  editor?: boolean;
}

const resumable = (s: SessionSummary) => (s.kind === 'practice' || s.kind === 'interview') && (s.status === 'interrupted' || s.status === 'active');

export async function resumeAny(idPrefix: string | undefined, options: ResumeDispatchOptions, io: Io): Promise<number> {
  const dir = sessionsDir(resolvePaths(io.env).data);
  const { summaries } = await loadSummaries(dir);
  let target: SessionSummary | undefined;
  if (idPrefix) {
    // A prefix that several sessions share but only one resumable session has means that one
    // (the quit message's id is often typed short or wraps); otherwise every session is searched,
    // so a finished one gets its own message.
    const open = findById(summaries.filter(resumable), idPrefix);
    const found = 'session' in open ? open : findById(summaries, idPrefix);
    // Which session is meant is settled before anything asks for a terminal.
    if ('error' in found) {
      throw new CliError(
        found.error === 'ambiguous' ? `"${idPrefix}" matches several sessions: ${found.matches.join(', ')}; give more of the id` : `no session "${idPrefix}"; see \`mlsd history\``,
        EXIT.usage,
      );
    }
    target = found.session;
    if (!resumable(target)) throw new CliError(`session ${target.id} is ${target.status} and cannot be resumed; see it with \`mlsd review ${target.id}\``, EXIT.usage);
  } else {
    target = summaries.find(resumable);
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
