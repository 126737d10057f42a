/**
 * The parts of a stage's answer that make it a bare list of terms, for the list-of-terms red flag
 * (README, How scoring works, 3): short fragments with no verb, several of them. One sentence is no
 * list, whatever words it takes ("No model ships without shadow mode and a canary.").
 */

/** At least this many bare terms make a list: one or two fragments are a sentence or a pair. */
export const LIST_MIN_TERMS = 3;
/** A fragment longer than this (in words) is prose, not a term. */
const TERM_MAX_WORDS = 12;

/**
 * Whether `words` (a fragment of a claim that is no statement, split at commas and semicolons, in
 * the words the user wrote) is a bare term: at most TERM_MAX_WORDS words.
 */
export function isBareTerm(words: readonly string[]): boolean {
  return words.length > 0 && words.length <= TERM_MAX_WORDS;
}
