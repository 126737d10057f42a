import { describe, expect, it } from 'vitest';
import { rubricsFor } from '../../src/content/scope.js';
import { builtinCatalog } from '../helpers/builtin.js';

// Tryout 8 (F15): street-view-blurring (detection) was told to "group by user or session" and about "the
// payments it let through". A hint a candidate reads must be about their kind of system.
const FOREIGN: Record<string, RegExp> = {
  detection: /\b(?:payments?|posts? it|items it showed|user or session|click|watch time|basis points|position in as|a ranker|regression or ranking)\b/i,
  regression: /\b(?:payments? it|posts? it|items it showed|click-through|watch time|basis points|faces|example negative|position in as)\b/i,
  // Tryout 11 (F7): every payment or post is scored, so no funnel of candidates cut down for a ranker.
  classification: /\b(?:a ranker|millions of items|few hundred for|watch time)\b/i,
  generation: /\b(?:payments? it|posts? it|items it showed|watch time|basis points|faces|example negative|position in as|regression or ranking)\b/i,
};

describe('built-in hints and follow-ups fit the problem type of the prompt they are shown for', () => {
  const prompts = [...builtinCatalog.prompts.values()].map((p) => p.value).filter((p) => p.problemType && FOREIGN[p.problemType]);
  it('there is a prompt of each checked type', () => {
    expect(prompts.map((p) => p.problemType)).toContain('detection');
  });
  it.each(prompts.map((p) => [p.id, p] as const))('%s: no hint or follow-up names another kind of system', (_id, prompt) => {
    const foreign = FOREIGN[prompt.problemType!]!;
    const hints = rubricsFor(builtinCatalog, prompt).flatMap((r) => r.items.flatMap((i) => [[i.id, i.hint] as const, [`${i.id} (follow-up)`, i.followUp] as const]));
    expect(hints.filter(([, hint]) => foreign.test(hint))).toEqual([]);
  });
});
