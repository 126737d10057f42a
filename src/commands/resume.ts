import { CliError, EXIT } from '../errors.js';
import { resolvePaths } from '../files/paths.js';
import { loadSummaries } from '../store/index-cache.js';
import { readSheet } from '../store/peer-sheet-schema.js';
import { findById, readSession, sessionsDir } from '../store/session-files.js';
import type { SessionSummary } from '../store/summary.js';
import { requireTerminal, type GlobalOptions, type Io } from './command-io.js';
import { sessionByPrefix } from './session-lookup.js';
import { canResume } from '../interview/session-status.js';
import { lockFile } from '../store/session-lock.js';
import { renderNote } from '../ui/notices.js';
import { stderrStyle, stderrWidth } from './command-io.js';
import { openElsewhere, openElsewhereMessage, takeSessionLock } from './session-locks.js';

/**
 * `mlsd resume`: sends an interrupted peer interview to the interviewer's sheet and everything
 * else to practice, which keeps its own checks and messages.
 */
export interface ResumeDispatchOptions extends GlobalOptions {
  editor?: boolean;
}


export async function resumeAny(idPrefix: string | undefined, options: ResumeDispatchOptions, io: Io): Promise<number> {
  const dir = sessionsDir(resolvePaths(io.env).data);
  const { summaries, problems } = await loadSummaries(dir);
  let target: SessionSummary | undefined;
  if (idPrefix) {
    // A prefix that several sessions share but only one resumable session has means that one
    // (the quit message's id is often typed short or wraps); otherwise every session is searched,
    // so a finished one gets its own message.
    // Which session is meant is settled before anything asks for a terminal.
    const open = findById(summaries.filter(canResume), idPrefix);
    target = 'session' in open ? open.session : sessionByPrefix(summaries, idPrefix, problems);
    if (!canResume(target)) throw new CliError(`session ${target.id} is ${target.status} and cannot be resumed; see it with \`mlsd review ${target.id}\``, EXIT.usage);
  } else {
    target = latestNotOpenElsewhere(summaries.filter(canResume), dir, io, options);
  }
  // A session open in another live mlsd is refused whatever the terminal; then a terminal, before a
  // left-over lock is taken over or announced (tryout 5: it was taken over, then refused for want of one).
  const owner = target ? openElsewhere(dir, target.id, io) : null;
  if (target && owner) throw new CliError(openElsewhereMessage(target.id, owner, lockFile(dir, target.id)), EXIT.failure);
  if (target) requireTerminal(io, 'mlsd resume', target.kind === 'interview' ? 'An interview needs the terminal it runs in.' : 'To score a written answer instead: mlsd score answer.md --prompt <id>');
  // One process per session: a session open in another live mlsd is refused, a left-over lock taken over.
  const lock = target ? takeSessionLock(dir, target.id, io, options) : null;
  try {
    if (target?.kind === 'interview') {
      const record = await readSession(dir, target.id);
      if (!record?.sheet) throw new CliError(`session ${target.id} can no longer be read from ${dir}`, EXIT.failure);
      const checked = readSheet(record.sheet);
      if ('error' in checked) throw new CliError(`session ${target.id} cannot be resumed: its file is damaged (${checked.error})`, EXIT.failure);
      return await (await import('./interview.js')).resumeInterview({ ...record, sheet: checked.sheet }, options, io);
    }
    return await (await import('./practice.js')).resumeCommand(target?.id ?? idPrefix, options, io);
  } finally {
    lock?.release();
  }
}

/**
 * The newest resumable session that no other live mlsd has open; says so when newer ones are open
 * elsewhere, and refuses (exit 1) when every resumable session is.
 */
function latestNotOpenElsewhere(resumable: readonly SessionSummary[], dir: string, io: Io, options: GlobalOptions): SessionSummary | undefined {
  const skipped: string[] = [];
  for (const s of resumable) {
    const owner = openElsewhere(dir, s.id, io);
    if (!owner) {
      if (skipped.length > 0) io.stderr.write(`${renderNote(`${skipped.join(', ')} ${skipped.length === 1 ? 'is' : 'are'} open in another mlsd; resuming ${s.id}, the newest interrupted session`, stderrStyle(io, options), stderrWidth(io))}\n`);
      return s;
    }
    if (skipped.length === 0 && resumable.length === 1) throw new CliError(openElsewhereMessage(s.id, owner, lockFile(dir, s.id)), EXIT.failure);
    skipped.push(`${s.id} (pid ${owner.pid})`);
  }
  if (skipped.length > 0) throw new CliError(`every unfinished session is open in another mlsd: ${skipped.join(', ')}; finish them there`, EXIT.failure);
  return undefined;
}
