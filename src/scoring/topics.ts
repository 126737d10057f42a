import type { Clarification } from '../content/schema.js';
import { analyze, tokenize } from './analyze.js';
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

// Words that carry no topic in a question or in a fact's answer: the closed classes of English
// (determiners, pronouns, prepositions, conjunctions, auxiliaries, frequent adverbs) and verbs any
// question or fact uses ("assume", "use", "get"). Stems and surface forms are both checked.
const FUNCTION_WORDS = new Set(
  ('about above across after again against all almost along already also although always among another ' +
    'anyone anything anyway around as because before being below between both but cannot each either ' +
    'else enough even ever every everyone everything far few from further here however if into its ' +
    'itself just kind least less lot lots mainly more most mostly much must near neither never no nobody ' +
    'none nor not nothing now off often once one only onto other others otherwise ours out over own ' +
    'partly per perhaps quite rather really same several shall since so sort still such than then thing ' +
    'things though through thus too under until up upon us usually very via way ways well whether while ' +
    'whom whose within without yet yes assume assumption assuming use using used get gets got make makes ' +
    'made want need needs let go goes take takes say says said think guess suppose imagine ask asked ' +
    'tell okay ok fine sure their them these those may might roughly approximately').split(' '),
);

/** How much a word shared with a fact's answer (not its patterns) counts, against a word of its patterns. */
const FACT_WORD_SHARE = 0.8;
/** A question reaches a topic by its fact's words alone when they hold at least this share of its words' weight. */
const FACT_QUESTION_SHARE = 0.5;

/**
 * The content stems of a text's tokens, in order: no question or function word, no number, nothing of one
 * letter. `canon` gives each token's stem as a matcher reads it (default: the token's own stem).
 */
export function contentStems(tokens: ReadonlyArray<{ raw: string; stem: string }>, canon: readonly string[] = tokens.map((t) => t.stem)): string[] {
  return canon.filter((stem, i) => {
    const { raw } = tokens[i]!;
    return raw.length > 1 && !/^\d/.test(raw) && !QUESTION_WORDS.has(raw) && !QUESTION_WORDS.has(stem) && !FUNCTION_WORDS.has(raw) && !FUNCTION_WORDS.has(stem) && !ANY_TOPIC_VERBS.has(raw);
  });
}

/**
 * Routes a question (or a stated assumption) to the clarification it is about. Each topic has the
 * words of its patterns and, counting for less (FACT_WORD_SHARE), the words of its fact, the answer
 * the interviewer reads out: "can we hold a payment for review?" is about the fact that says payments
 * can be held for review, though no pattern says "hold". A topic scores the question's words it has,
 * weighted by how specific they are (log(1 + topics / topics with the word), over patterns and facts),
 * plus a bonus for each whole pattern said; the topic that has the most of a question's specific
 * words wins ("do we ever learn if a declined payment was fraud?" is the labels fact, which says
 * declined payments get none, not the fraud rate, which shares only "payment" and "fraud").
 * A topic needs a whole pattern, two of its pattern words, two words of the topic that carry at least
 * half the weight of the question's words (FACT_QUESTION_SHARE: a word no topic has weighs most, so
 * "can we use GPUs for training?" stays the candidate's call), or else the question is short and about
 * it alone: every word it says (question words and ANY_TOPIC_VERBS aside) is a word of that topic's
 * patterns, one of them is a word no other topic has, and no other topic shares any of them. So "What is
 * the goal?", "What's the objective?" and "How do we define success?" reach the business goal and the
 * success metric, while one shared word in a longer question ("what is the goal latency?") is not
 * enough on its own. Ties go to the earlier topic in the prompt file. `compile` compiles a pattern (or
 * takes it compiled before, from the compiled-scoring cache: the same phrase).
 */
export function topicMatcher(clarifications: readonly Clarification[], compile: (text: string) => CompiledPhrase = compilePhrase): TopicMatcher {
  const topics = clarifications.map((clarification) => {
    const patterns = clarification.patterns.map((text) => compile(text));
    const words = new Set(patterns.flatMap((p) => p.tokens.filter((t) => !QUESTION_WORDS.has(t.raw) && !t.wildcard).map((t) => t.stem)));
    const factWords = new Set(contentStems(tokenize(clarification.answer)).filter((w) => !words.has(w)));
    return { clarification, patterns, words, factWords };
  });
  const df = new Map<string, number>();
  for (const t of topics) for (const w of t.words) df.set(w, (df.get(w) ?? 0) + 1);
  // How many topics have a word among their patterns' or their fact's words.
  const dfAll = new Map<string, number>();
  for (const t of topics) for (const w of new Set([...t.words, ...t.factWords])) dfAll.set(w, (dfAll.get(w) ?? 0) + 1);
  const weight = (stem: string) => Math.log(1 + topics.length / (dfAll.get(stem) ?? 1));
  const vocabulary = new Vocabulary(topics.flatMap((t) => t.patterns));
  const route = (question: string): Clarification | null => {
    const tokens = analyze(question).tokens;
    const index = new MatchIndex(tokens, vocabulary);
    const said = new Set(index.canon);
    const content = new Set(index.canon.filter((_, i) => !QUESTION_WORDS.has(tokens[i]!.raw) && !QUESTION_WORDS.has(tokens[i]!.stem) && !ANY_TOPIC_VERBS.has(tokens[i]!.raw)));
    const about = shortQuestionTopic(content, topics, df);
    const asked = new Set(contentStems(tokens, index.canon));
    const askedWeight = [...asked].reduce((sum, w) => sum + weight(w), 0);
    let best: { clarification: Clarification; score: number } | null = null;
    let answerable = false;
    for (const { clarification, patterns, words, factWords } of topics) {
      const found = patterns.filter((p) => index.find(p).length > 0);
      const shared = [...words].filter((w) => said.has(w));
      const fromFact = [...factWords].filter((w) => asked.has(w));
      const topical = [...shared.filter((w) => asked.has(w)), ...fromFact];
      const byPatterns = found.length > 0 || shared.length >= 2 || about === words;
      const byFact = topical.length >= 2 && topical.reduce((sum, w) => sum + weight(w), 0) >= FACT_QUESTION_SHARE * askedWeight;
      // Once the question is about some topic, any topic with two of its words may be the one it is about.
      if (!byPatterns && topical.length < 2) continue;
      answerable ||= byPatterns || byFact;
      const score =
        shared.reduce((sum, w) => sum + weight(w), 0) +
        FACT_WORD_SHARE * fromFact.reduce((sum, w) => sum + weight(w), 0) +
        found.reduce((sum, p) => sum + 0.25 * p.tokens.length, 0);
      if (!best || score > best.score) best = { clarification, score };
    }
    return answerable ? (best?.clarification ?? null) : null;
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
