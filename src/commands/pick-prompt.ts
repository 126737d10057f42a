import type { Catalog } from '../content/catalog.js';
import type { Prompt } from '../content/schema.js';
import { CliError, EXIT } from '../errors.js';
import { pickPrompt } from '../interview/pick.js';
import { loadSummaries } from '../store/index-cache.js';
import type { Io } from './command-io.js';

/**
 * A prompt for `practice` or `interview` given none: one not practised lately (with `tag`, one with
 * that tag), judged from the saved sessions; a usage error when no prompt fits.
 */
export async function pickLeastPractised(catalog: Catalog, sessionsDir: string, tag: string | undefined, io: Io): Promise<Prompt> {
  const { summaries } = await loadSummaries(sessionsDir);
  const lastPractised = new Map<string, string>();
  for (const s of summaries) if ((lastPractised.get(s.prompt) ?? '') < s.createdAt) lastPractised.set(s.prompt, s.createdAt);
  const picked = pickPrompt({ prompts: [...catalog.prompts.values()].map((e) => e.value), tag, lastPractised, random: io.random });
  if ('error' in picked) throw new CliError(picked.error, EXIT.usage);
  return picked.prompt;
}
