import { EXIT } from '../errors.js';
import { loadSessionList } from './session-list.js';
import { currentItemInfo } from '../progress/item-info.js';
import { isOwnSession } from '../progress/own-sessions.js';
import { statsFromTotals, totalsOf } from '../progress/stats.js';
import { plural } from '../text/plural.js';
import { sessionsDir } from '../store/session-dir.js';
import { renderStats } from '../ui/progress.js';
import { stdoutStyle, terminalWidth, type GlobalOptions, type Io } from './command-io.js';
import { loadAll, reportLoadProblems } from './load-content.js';

export interface StatsOptions extends GlobalOptions {
  json?: boolean;
}

export async function statsCommand(options: StatsOptions, io: Io): Promise<number> {
  const loaded = await loadAll(io, options);
  reportLoadProblems(loaded, io, options);
  const { summaries, items, totals, prompts, isoTimes } = await loadSessionList(sessionsDir(loaded.paths.data), io, options);
  // Labels and hints as the rubrics word them today, not as they were when each session was scored.
  // The index keeps the totals (no row is read); summed again from every session only when not exact.
  const info = currentItemInfo(loaded.catalog, summaries, items, { inOrder: isoTimes, prompts });
  const stats = statsFromTotals(totals.exact ? totals : totalsOf(summaries), info);
  if (options.json) io.stdout.write(`${JSON.stringify(stats, null, 2)}\n`);
  else if (stats.scored === 0) {
    // Peer interviews the user ran are the candidates' (progress/own-sessions.ts): say they were left out.
    const others = summaries.filter((s) => !isOwnSession(s)).length;
    const leftOut = others > 0 ? ` (${plural(others, 'peer interview')} you ran as the interviewer ${others === 1 ? 'is' : 'are'} left out: ${others === 1 ? 'its report is' : 'their reports are'} the candidate's.)` : '';
    io.stdout.write(`${stats.sessions > 0 ? `${plural(stats.sessions, 'session')}, none scored yet (an interrupted one is scored when it ends: mlsd resume).` : 'No scored sessions yet.'}${leftOut} Practise with \`mlsd practice\`, or save a scored answer with \`mlsd score --save\`.\n`);
  }
  else io.stdout.write(`${renderStats(stats, stdoutStyle(io, options), terminalWidth(io)).join('\n')}\n`);
  return EXIT.ok;
}
