import { loadSummaries, type Summaries } from '../store/index-cache.js';
import { printErrorLines, stderrStyle, stderrWidth, type GlobalOptions, type Io } from './command-io.js';
import { renderWarning } from '../ui/notices.js';

/**
 * The saved sessions for any command that lists or picks them (history, stats, review, resume,
 * drill): every file that could not be used is named in a warning, the same way everywhere.
 */
export async function loadSessionList(dir: string, io: Io, options: GlobalOptions): Promise<Summaries> {
  const loaded = await loadSummaries(dir);
  printErrorLines(io, loaded.problems.map((p) => renderWarning(`skipped ${p.file}: ${p.reason}`, stderrStyle(io, options), stderrWidth(io))));
  return loaded;
}
