import type { Clarification } from '../content/schema.js';
import { analyze } from './analyze.js';
import { compilePhrase, MatchIndex, Vocabulary, type CompiledPhrase } from './phrase.js';

/**
 * Which clarification topic a question asks about, by the prompt's question patterns. The
 * interviewer uses it to answer, and the scorer to credit the question itself: asking "how many
 * posts a day?" covers scale as well as stating a number does.
 */

export type TopicMatcher = (question: string) => Clarification | null;

// Words that say nothing about a topic: question words, auxiliaries, pronouns, articles.
const QUESTION_WORDS = new Set(
  ('what which who how why when where is are was were be do does did can could will would should ' +
    'we you they it this that there the a an of to for in on at by with and or any some much many ' +
    'have has had i me my our your') .split(' '),
);

/**
 * Routes a question to the clarification it is about. Each topic scores the words of its patterns
 * that the question uses, weighted by how specific they are (a word in one topic only weighs most:
 * log(1 + topics / topics with the word)), plus a bonus for each whole pattern said. So "the cost of
 * a false decline vs a missed fraud" goes to the cost of errors (cost, false) rather than to the
 * actions (decline). A topic needs a whole pattern or two of its words.
 * Ties go to the earlier topic in the prompt file. `compile` compiles a pattern (or takes it compiled
 * before, from the compiled-scoring cache: the same phrase).
 */
export function topicMatcher(clarifications: readonly Clarification[], compile: (text: string) => CompiledPhrase = compilePhrase): TopicMatcher {
  const topics = clarifications.map((clarification) => {
    const patterns = clarification.patterns.map((text) => compile(text));
    const words = new Set(patterns.flatMap((p) => p.tokens.filter((t) => !QUESTION_WORDS.has(t.raw) && !t.wildcard).map((t) => t.stem)));
    return { clarification, patterns, words };
  });
  const df = new Map<string, number>();
  for (const t of topics) for (const w of t.words) df.set(w, (df.get(w) ?? 0) + 1);
  const weight = (stem: string) => Math.log(1 + topics.length / (df.get(stem) ?? topics.length));
  const vocabulary = new Vocabulary(topics.flatMap((t) => t.patterns));
  return (question) => {
    const index = new MatchIndex(analyze(question).tokens, vocabulary);
    const said = new Set(index.canon);
    let best: { clarification: Clarification; score: number } | null = null;
    for (const { clarification, patterns, words } of topics) {
      const found = patterns.filter((p) => index.find(p).length > 0);
      const shared = [...words].filter((w) => said.has(w));
      if (found.length === 0 && shared.length < 2) continue;
      const score = shared.reduce((sum, w) => sum + weight(w), 0) + found.reduce((sum, p) => sum + 0.25 * p.tokens.length, 0);
      if (!best || score > best.score) best = { clarification, score };
    }
    return best?.clarification ?? null;
  };
}

/** Every question pattern of a prompt's clarifications: phrases the compiled-scoring cache keeps with the rubrics'. */
export function clarificationPatterns(clarifications: readonly Clarification[] | undefined): string[] {
  return (clarifications ?? []).flatMap((c) => c.patterns);
}

/**
 * The items a question on this topic covers: the clarification's own `covers`, or else what the rubrics
 * in scope declare for its topic (`topics:` in rubrics/framework.yaml; CompiledScope.topics).
 */
export function itemsAskedAbout(clarification: Clarification, topics: ReadonlyMap<string, readonly string[]>): readonly string[] {
  return clarification.covers ?? topics.get(clarification.topic) ?? [];
}
