import { tokenize } from '../reading/tokens.js';
import type { CompiledPhrase } from './phrase.js';

/**
 * Compiles a rubric's concept pattern, written in the lexicon's form (reading/lexicon.ts): word groups
 * separated by spaces, alternatives within a group by "|" ("rate|average computed|derived all|whole
 * log|data"). It matches where every group has a word in one clause, within the concept window, in any
 * order, as the lexicon's concepts do (phrase.ts, MatchIndex). Words are compared as stems. Pure.
 */
export function compilePattern(pattern: string): CompiledPhrase {
  const groups = pattern
    .trim()
    .split(/\s+/)
    .map((group) => new Set(group.split('|').map((word) => tokenize(word)[0]?.stem ?? word)));
  const text = `~${pattern.trim()}`;
  return { text, tokens: [{ raw: text, stem: text, wildcard: false, optional: false }], joins: [null], concept: [groups] };
}
