import type { Prompt } from '../content/schema.js';
import { analyze } from '../scoring/analyze.js';
import { compilePhrase, MatchIndex, Vocabulary, type CompiledPhrase } from '../scoring/phrase.js';

/**
 * The interviewer's side of the clarify stage: a question is matched against the prompt's
 * clarification patterns with the scorer's phrase matcher; the topic with the most distinct
 * patterns found answers it. An unmatched question is the candidate's call.
 */

export interface ClarifyReply {
  topic: string | null;
  answer: string;
}

export const CANDIDATES_CALL =
  "That's your call: state the assumption you'd make, and I'll tell you if it's way off.";
/** The reply to a stated assumption the prompt has no fact about. */
export const NOTED = 'Noted. That assumption is fine for this interview.';

export interface ClarifyMatcher {
  reply(question: string): ClarifyReply;
}

export function clarifyMatcher(prompt: Pick<Prompt, 'clarifications'>): ClarifyMatcher {
  const topics = prompt.clarifications.map((c) => ({ clarification: c, patterns: c.patterns.map(compilePhrase) }));
  const vocabulary = new Vocabulary(topics.flatMap((t) => t.patterns));
  return {
    reply(question) {
      const index = new MatchIndex(analyze(question).tokens, vocabulary);
      let best: { topic: string; answer: string; hits: number; longest: number } | null = null;
      topics.forEach(({ clarification, patterns }) => {
        const found = patterns.filter((p: CompiledPhrase) => index.find(p).length > 0);
        if (found.length === 0) return;
        const longest = Math.max(...found.map((p) => p.tokens.length));
        // More distinct patterns wins; a longer, more specific pattern breaks ties; then file order.
        if (!best || found.length > best.hits || (found.length === best.hits && longest > best.longest)) {
          best = { topic: clarification.topic, answer: clarification.answer, hits: found.length, longest };
        }
      });
      const chosen = best as { topic: string; answer: string } | null;
      if (chosen) return { topic: chosen.topic, answer: chosen.answer };
      return { topic: null, answer: question.trim().endsWith('?') ? CANDIDATES_CALL : NOTED };
    },
  };
}
