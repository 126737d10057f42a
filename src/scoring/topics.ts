import type { Clarification } from '../content/schema.js';
import { analyze } from './analyze.js';
import { compilePhrase, MatchIndex, Vocabulary } from './phrase.js';

/**
 * Which clarification topic a question asks about, by the prompt's question patterns. The
 * interviewer uses it to answer, and the scorer to credit the question itself: asking "how many
 * posts a day?" covers scale as well as stating a number does.
 */

export type TopicMatcher = (question: string) => Clarification | null;

export function topicMatcher(clarifications: readonly Clarification[]): TopicMatcher {
  const topics = clarifications.map((clarification) => ({ clarification, patterns: clarification.patterns.map(compilePhrase) }));
  const vocabulary = new Vocabulary(topics.flatMap((t) => t.patterns));
  return (question) => {
    const index = new MatchIndex(analyze(question).tokens, vocabulary);
    let best: { clarification: Clarification; hits: number; longest: number } | null = null;
    for (const { clarification, patterns } of topics) {
      const found = patterns.filter((p) => index.find(p).length > 0);
      if (found.length === 0) continue;
      const longest = Math.max(...found.map((p) => p.tokens.length));
      // More distinct patterns wins; a longer, more specific pattern breaks ties; then file order.
      if (!best || found.length > best.hits || (found.length === best.hits && longest > best.longest)) {
        best = { clarification, hits: found.length, longest };
      }
    }
    return best?.clarification ?? null;
  };
}

// The framework items that the usual topics stand for, so prompts need not list them.
const TOPIC_ITEMS: Record<string, string[]> = {
  'business-goal': ['business-objective'],
  'success-metric': ['success-metric'],
  scale: ['scale'],
  latency: ['latency-constraint'],
  data: ['data-availability'],
  'data-and-labels': ['data-availability'],
  constraints: ['compute-constraints'],
  compute: ['compute-constraints'],
  privacy: ['privacy-requirements'],
  regulation: ['privacy-requirements'],
  'out-of-scope': ['scope-assumptions'],
  'scope-and-surface': ['scope-assumptions'],
};

/** The items a question on this topic covers: the clarification's own `covers`, or the usual ones. */
export function itemsAskedAbout(clarification: Clarification): string[] {
  return clarification.covers ?? TOPIC_ITEMS[clarification.topic] ?? [];
}
