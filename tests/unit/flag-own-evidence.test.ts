import { describe, expect, it } from 'vitest';
import { flagCases, report, type Case } from '../helpers/stage-cases.js';

// Tryout 8 (F24): a sentence that states a mistake must not earn, as if correct, the item it gets wrong.
// The clause that raised a flag is no item's evidence (score.ts, forItem); nor does it clear a major flag
// through the flag's own `unlessItems`: "we fine-tune the LLM on the docs, a cheaper form of retrieval
// augmented generation" names RAG in the very clause that replaces it.
describe('a major flag is not cleared by an item earned only in the clause that raised it', () => {
  const fires: Case[] = [
    ['rag-support-assistant', 'Model', 'We fine-tune the LLM on all the help articles so that it already knows the retrieved passages by heart.'],
    ['rag-support-assistant', 'Model', 'We fine-tune the LLM on the docs, a cheaper form of retrieval augmented generation.'],
  ];
  const quiet: Case[] = [
    // Said in a clause of its own, the item still clears the flag.
    ['rag-support-assistant', 'Model', 'Answers come from retrieval augmented generation over the help articles. We fine-tune the LLM on the tone of agent replies.'],
  ];
  flagCases('knowledge-in-weights', fires, quiet);
});

describe('the leaking graph-features sentence earns no item (F24)', () => {
  const text = 'We compute graph features such as mutual friends using the full current graph, including edges formed after the training snapshot.';
  it('raises the major flag current-graph-features', () => {
    expect(report('people-you-may-know', 'Model', text).redFlags.map((f) => f.id)).toContain('current-graph-features');
  });
  it('does not credit "Labels from successive graph snapshots"', () => {
    const item = report('people-you-may-know', 'Model', text).stages.flatMap((s) => s.items).find((i) => i.id === 'snapshot-labels');
    expect(item?.status).toBe('missed');
  });
  it('a minor flag keeps its safeguard said in the same clause (a fairness check naming the attribute)', () => {
    const flags = report('eta-prediction', 'Monitoring', 'To respect the fairness constraint, we check that errors are not worse for particular neighborhoods and avoid neighborhood demographics as features.').redFlags.map((f) => f.id);
    expect(flags).not.toContain('sensitive-attributes-unguarded');
  });
});
