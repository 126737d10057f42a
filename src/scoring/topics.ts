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

// Verbs a short question uses about any topic ("how do we define success?", "what does good look like?"):
// left out of the words a short question is judged by (below), never out of a topic's words.
const ANY_TOPIC_VERBS = new Set('define defined defines look looks like mean means know'.split(' '));

/**
 * Routes a question to the clarification it is about. Each topic scores the words of its patterns
 * that the question uses, weighted by how specific they are (a word in one topic only weighs most:
 * log(1 + topics / topics with the word)), plus a bonus for each whole pattern said. So "the cost of
 * a false decline vs a missed fraud" goes to the cost of errors (cost, false) rather than to the
 * actions (decline). A topic needs a whole pattern or two of its words, or else the question is short and
 * about it alone: every word it says (question words and ANY_TOPIC_VERBS aside) is a word of that topic,
 * one of them is a word no other topic has, and no other topic shares any of them. So "What is the goal?",
 * "What's the objective?" and "How do we define success?" reach the business goal and the success metric,
 * while one shared word in a longer question ("what is the goal latency?") is not enough on its own.
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
  const route = (question: string): Clarification | null => {
    const tokens = analyze(question).tokens;
    const index = new MatchIndex(tokens, vocabulary);
    const said = new Set(index.canon);
    const content = new Set(index.canon.filter((_, i) => !QUESTION_WORDS.has(tokens[i]!.raw) && !QUESTION_WORDS.has(tokens[i]!.stem) && !ANY_TOPIC_VERBS.has(tokens[i]!.raw)));
    const about = shortQuestionTopic(content, topics, df);
    let best: { clarification: Clarification; score: number } | null = null;
    for (const { clarification, patterns, words } of topics) {
      const found = patterns.filter((p) => index.find(p).length > 0);
      const shared = [...words].filter((w) => said.has(w));
      if (found.length === 0 && shared.length < 2 && about !== words) continue;
      const score = shared.reduce((sum, w) => sum + weight(w), 0) + found.reduce((sum, p) => sum + 0.25 * p.tokens.length, 0);
      if (!best || score > best.score) best = { clarification, score };
    }
    return best?.clarification ?? null;
  };
  // "What is the business goal — watch time or daily active users?": what follows the dash offers
  // answers to the question its head asks, so the head is routed first, and the whole question only
  // when the head alone reaches no topic.
  return (question) => {
    const head = HEAD.exec(question)?.[1];
    return (head && route(head)) || route(question);
  };
}

/** A question's head: the words before a spaced dash or a colon that other words follow. */
const HEAD = /^(.*?\S)\s*(?:\s[-\u2013\u2014]+\s|\u2014|:\s)\s*\S/;

/** A short question's words are at most this many (question words and ANY_TOPIC_VERBS aside). */
const SHORT_QUESTION_WORDS = 3;

/**
 * The words of the one topic a short question is about alone (see topicMatcher), or null: `content` are
 * the question's words, `df` how many topics use each word.
 */
function shortQuestionTopic(content: ReadonlySet<string>, topics: ReadonlyArray<{ words: ReadonlySet<string> }>, df: ReadonlyMap<string, number>): ReadonlySet<string> | null {
  if (content.size === 0 || content.size > SHORT_QUESTION_WORDS) return null;
  const sharing = topics.filter((t) => [...content].some((w) => t.words.has(w)));
  if (sharing.length !== 1) return null;
  const { words } = sharing[0]!;
  return [...content].every((w) => words.has(w)) && [...content].some((w) => df.get(w) === 1) ? words : null;
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
