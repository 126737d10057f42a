import type { Prompt } from '../content/schema.js';
import { isQuestion } from '../reading/questions.js';
import { topicMatcher } from '../scoring/topics.js';

/**
 * The interviewer's side of the clarify stage: a question is matched against the prompt's
 * clarification patterns (scoring/topics.ts) and the topic found answers it. An unmatched
 * question is the candidate's call.
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
  const match = topicMatcher(prompt.clarifications);
  return {
    reply(question) {
      const chosen = match(question);
      if (chosen) return { topic: chosen.topic, answer: chosen.answer };
      return { topic: null, answer: isQuestion(question) ? CANDIDATES_CALL : NOTED };
    },
  };
}
