import type { Token } from '../reading/tokens.js';
import { isVerbFirst } from '../reading/verbs.js';

/**
 * A trigger that is the verb of a relative clause naming a thing, not a decision (a red flag with
 * `relativeClause: true`): "precision at the threshold we would ship", "recall for the model that we
 * deploy", "the operating point we launch with" say which threshold or model is meant; "once AUC beats the
 * baseline we ship" (no preposition before the noun phrase) still decides a launch.
 *
 * The shape, read backwards from the trigger: auxiliaries ("would", "will", "plan to"), a subject pronoun,
 * an optional "that" or "which", a noun phrase of at most three words opened by a determiner, and a
 * preposition before that determiner; all in one clause (no comma or hard boundary between).
 */

/** Auxiliaries and catenatives between the subject and the verb ("we would", "we plan to", "we are going to"). */
const AUXILIARIES = new Set(['would', 'will', 'could', 'can', 'should', 'might', 'may', 'd', 'll', 'plan', 'plans', 'intend', 'want', 'to', 'are', 'going', 'eventually', 'finally', 'actually', 'then', 'first']);
const SUBJECTS = new Set(['we', 'you', 'they', 'i']);
const RELATIVE = new Set(['that', 'which']);
const DETERMINERS = new Set(['the', 'a', 'an', 'our', 'your', 'their', 'each', 'every', 'whichever', 'this']);
const PREPOSITIONS = new Set(['at', 'for', 'of', 'on', 'with', 'in', 'under', 'from', 'by', 'to', 'against', 'around', 'near']);
/**
 * Words that cannot stand inside the noun phrase: they join or open clauses ("at the threshold and we ship"), or
 * compare (a condition: "once log loss on the holdout is better we launch"). Verbs are checked with the lexicon.
 */
const NOT_IN_NOUN_PHRASE = new Set(['and', 'or', 'but', 'so', 'then', 'if', 'once', 'when', 'after', 'before', 'because', 'is', 'are', 'was', 'be', 'beats', 'beat', 'better', 'higher', 'lower', 'enough', 'above', 'below', 'up', 'down']);

/** Whether the match starting at `start` is the verb of a relative clause on a preposition's object. */
export function inRelativeClause(tokens: readonly Token[], start: number): boolean {
  const joined = (i: number) => tokens[i + 1]!.sep === 'space' || tokens[i + 1]!.sep === 'glue';
  let i = start - 1;
  for (let n = 0; i >= 0 && n < 3 && AUXILIARIES.has(tokens[i]!.raw) && joined(i); n++) i--;
  if (i < 0 || !SUBJECTS.has(tokens[i]!.raw) || !joined(i)) return false;
  i--;
  if (i >= 0 && RELATIVE.has(tokens[i]!.raw) && joined(i)) i--;
  for (let words = 0; i >= 1 && words < 3 && joined(i); words++, i--) {
    const raw = tokens[i]!.raw;
    if (NOT_IN_NOUN_PHRASE.has(raw) || SUBJECTS.has(raw) || isVerbFirst(raw)) return false;
    if (DETERMINERS.has(raw)) return words > 0 && joined(i - 1) && PREPOSITIONS.has(tokens[i - 1]!.raw);
  }
  return false;
}
