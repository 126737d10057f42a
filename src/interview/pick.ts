import type { Prompt } from '../content/schema.js';

/**
 * Which prompt `mlsd practice` opens when none is named: a random one among those practised least
 * recently, so that over a few sessions a candidate meets every prompt before seeing one again.
 * Pure: the history and the random source come in.
 */

export interface PickInput {
  prompts: readonly Prompt[];
  tag?: string;
  /** When each prompt was last practised (ISO time); prompts never practised are missing. */
  lastPractised: ReadonlyMap<string, string>;
  random: () => number;
}

export type PickResult = { prompt: Prompt } | { error: string };

export function pickPrompt({ prompts, tag, lastPractised, random }: PickInput): PickResult {
  const pool = tag ? prompts.filter((p) => p.tags.includes(tag)) : [...prompts];
  if (pool.length === 0) {
    const tags = [...new Set(prompts.flatMap((p) => p.tags))].sort();
    return { error: tag ? `no prompt has the tag "${tag}". Tags: ${tags.join(', ')}` : 'no prompts found' };
  }
  const fresh = pool.filter((p) => !lastPractised.has(p.id));
  // With everything practised, the least recent half: variety without a strict rotation.
  const candidates =
    fresh.length > 0
      ? fresh
      : [...pool].sort((a, b) => lastPractised.get(a.id)!.localeCompare(lastPractised.get(b.id)!)).slice(0, Math.max(1, Math.ceil(pool.length / 2)));
  const sorted = [...candidates].sort((a, b) => a.id.localeCompare(b.id));
  return { prompt: sorted[Math.min(sorted.length - 1, Math.floor(random() * sorted.length))]! };
}
