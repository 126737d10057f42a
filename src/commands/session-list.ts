import { loadSummaries, type Summaries } from '../store/index-cache.js';
import { stderrStyle, type GlobalOptions, type Io } from './command-io.js';

/**
 * The saved sessions for any command that lists or picks them (history, stats, review, resume,
 * drill): every file that could not be used is named in a warning, the same way everywhere.
 */
export async function loadSessionList(dir: string, io: Io, options: GlobalOptions): Promise<Summaries> {
  const loaded = await loadSummaries(dir);
  const style = stderrStyle(io, options);
  for (const p of loaded.problems) io.stderr.write(style.yellow(`warning: skipped ${p.file}: ${p.reason}\n`));
  return loaded;
}
