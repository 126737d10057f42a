import { resolvePaths } from '../io/paths.js';
import { EXIT } from '../errors.js';
import { loadSessionList } from './session-list.js';
import { sessionsDir } from '../store/sessions.js';
import { renderHistory } from '../ui/history.js';
import { stdoutStyle, type GlobalOptions, type Io } from './io.js';

export interface HistoryOptions extends GlobalOptions {
  prompt?: string;
  json?: boolean;
}

export async function historyCommand(options: HistoryOptions, io: Io): Promise<number> {
  const dir = sessionsDir(resolvePaths(io.env).data);
  const { summaries: sessions } = await loadSessionList(dir, io, options);
  const shown = options.prompt ? sessions.filter((s) => s.prompt === options.prompt) : sessions;
  if (options.prompt && shown.length === 0) {
    // Nothing saved for it: say so if the prompt does not exist at all (a typo), exit 2 with a suggestion.
    const { loadAll } = await import('./context.js');
    const { findPrompt } = await import('./lookup.js');
    findPrompt((await loadAll(io, options)).catalog, options.prompt);
  }
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
  io.stdout.write(`${renderHistory(shown, stdoutStyle(io, options)).join('\n')}\n`);
  return EXIT.ok;
}
