import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { CliError, EXIT } from '../errors.js';
import { resolvePaths } from '../files/paths.js';
import { describeCode } from '../files/read.js';
import { sessionFileName } from '../store/session-record.js';
import { sessionsDir } from '../store/session-dir.js';
import { sessionByPrefix } from './session-lookup.js';
import type { SessionSummary } from '../store/summary.js';
import { VERDICT_LABEL } from '../scoring/verdict.js';
import { renderHistory, sessionDate } from '../ui/history.js';
import { listWidth, printLines, stdoutStyle, type GlobalOptions, type Io } from './command-io.js';
import { isDumbTerminal } from '../ui/style.js';
import { loadSessionList } from './session-list.js';
import { openElsewhere, openElsewhereMessage } from './session-locks.js';
import { lockFile } from '../store/session-lock.js';

/** Rows `history` shows unless told otherwise. */
export const DEFAULT_HISTORY_LIMIT = 20;

export interface HistoryOptions extends GlobalOptions {
  prompt?: string;
  json?: boolean;
  /** The latest N sessions (default DEFAULT_HISTORY_LIMIT). */
  limit?: number;
  /** Every session. */
  all?: boolean;
}

/** `mlsd history`: the latest sessions, newest first, and a trend of overall scores. */
export async function historyCommand(options: HistoryOptions, io: Io): Promise<number> {
  // --limit is a whole number from 1, checked where it is declared (src/cli.ts).
  const limit = options.all ? Infinity : (options.limit ?? DEFAULT_HISTORY_LIMIT);
  const dir = sessionsDir(resolvePaths(io.env).data);
  const { summaries: sessions, scoredByPrompt } = await loadSessionList(dir, io, options);
  const matching = options.prompt ? sessions.filter((s) => s.prompt === options.prompt) : sessions;
  if (options.prompt && matching.length === 0) {
    // Nothing saved for it: say so if the prompt does not exist at all (a typo), exit 2 with a suggestion.
    const { loadAll } = await import('./load-content.js');
    const { findPrompt } = await import('./lookup.js');
    findPrompt((await loadAll(io, options)).catalog, options.prompt);
  }
  // A session saved as active that no live mlsd has open was stopped without a save (kill -9, a
  // crash): it is interrupted, and resume treats it so.
  const shown = matching.slice(0, limit).map((s) => (s.status === 'active' && !openElsewhere(dir, s.id, io) ? asInterrupted(s) : s));
  if (options.json) {
    const rows = shown.map((s) => ({
      id: s.id, createdAt: s.createdAt, prompt: s.prompt, level: s.level, kind: s.kind, status: s.status,
      usedMs: s.usedMs, durationMs: s.durationMs, overall: s.overall, verdict: s.verdict, stages: s.stageScores,
    }));
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return EXIT.ok;
  }
  if (shown.length === 0) {
    io.stdout.write(options.prompt ? `No sessions for "${options.prompt}" yet.\n` : 'No sessions yet. Start one with `mlsd practice`, or save a scored answer with `mlsd score --save`.\n');
    return EXIT.ok;
  }
  // The trend stops reading sessions once its lines are full: how many scored sessions each prompt shown has.
  const scored = options.prompt ? new Map([[options.prompt, scoredByPrompt.get(options.prompt) ?? 0]]) : scoredByPrompt;
  printLines(io, renderHistory(shown, stdoutStyle(io, options), matching, listWidth(io), scored));
  return EXIT.ok;
}

export interface DeleteOptions extends GlobalOptions {
  /** Delete without asking (for scripts). */
  yes?: boolean;
}

/** `mlsd history delete <id>`: removes one saved session, after a confirmation unless --yes. */
export async function deleteCommand(idPrefix: string, options: DeleteOptions, io: Io, isInteractive: () => boolean = () => !!process.stdin.isTTY): Promise<number> {
  const dir = sessionsDir(resolvePaths(io.env).data);
  const { summaries, problems } = await loadSessionList(dir, io, options);
  const session = sessionByPrefix(summaries, idPrefix, problems);
  // Deleting a session another mlsd has open would only lose it: that process saves it again.
  const owner = openElsewhere(dir, session.id, io);
  if (owner) throw new CliError(openElsewhereMessage(session.id, owner, lockFile(dir, session.id)), EXIT.failure);
  const file = join(dir, sessionFileName(session.id));
  if (!options.yes) {
    if (!isInteractive() || !io.stdout.isTTY) {
      throw new CliError(`deleting a session needs a confirmation: run it in a terminal, or add --yes`, EXIT.usage);
    }
    const message = `Delete session ${describe(session)}? This cannot be undone.`;
    // A dumb terminal (TERM=dumb) gets the question as a plain line; inquirer's prompt moves the cursor.
    const ok = isDumbTerminal(io.env)
      ? await (await import('../ui/plain-input.js')).askPlainYesNo({ input: process.stdin, output: process.stdout }, message, false)
      : await (await import('@inquirer/prompts')).confirm({ message, default: false });
    if (!ok) {
      io.stdout.write('Nothing deleted.\n');
      return EXIT.ok;
    }
  }
  try {
    await rm(file);
  } catch (error) {
    throw new CliError(`cannot delete ${file}: ${describeCode((error as NodeJS.ErrnoException).code ?? String(error))}`, EXIT.failure);
  }
  // No live mlsd has it open (checked above), so a lock left beside it by one that was killed goes too.
  await rm(lockFile(dir, session.id), { force: true, recursive: true }).catch(() => undefined);
  // Said as history says it: a session saved active that no mlsd has open is interrupted.
  io.stdout.write(`Deleted session ${describe(session.status === 'active' ? asInterrupted(session) : session)}.\n`);
  return EXIT.ok;
}

/** The same session read as interrupted (every field copied by name: summaries may keep them in getters). */
function asInterrupted(s: SessionSummary): SessionSummary {
  const { id, createdAt, prompt, level, kind, candidate, overall, verdict, usedMs, durationMs, stageScores, notCovered, itemIds, stageMs, budgets } = s;
  return { id, createdAt, prompt, level, kind, status: 'interrupted', candidate, overall, verdict, usedMs, durationMs, stageScores, notCovered, itemIds, stageMs, budgets };
}

function describe(s: SessionSummary): string {
  const result = s.overall !== null ? `${s.overall}/100${s.verdict ? ` ${VERDICT_LABEL[s.verdict]}` : ''}` : s.status;
  return `${s.id} (${s.prompt}, ${s.kind}, ${sessionDate(s.createdAt)}, ${result})`;
}
