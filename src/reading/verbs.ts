import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Could a word be a verb? Negation scope needs it: in "to avoid leakage and train boosted trees"
 * the word after "and" starts a second verb phrase, which the negation does not reach, while in
 * "no A/B test and canary" it continues a list of nouns.
 *
 * The parts of speech are the POS lexicon of the npm package `wink-lexicon` (about 13,000 common
 * English words, each with its Penn Treebank tags, most frequent first, partly from the fnTBL
 * project). It is read once, on first use (a 390 KB file parsed with one linear pattern, without
 * running it as code, a few milliseconds), and only when a negation meets a conjunction. Words the
 * lexicon lacks are read by form: a verb with a prefix ("recalibrate", "downsample") or a verb
 * ending (-ize, -ise, -ate, -ify). Reading the file is the one impure step; a missing package
 * leaves only the word forms, never an error.
 */

/** Penn Treebank verb tags that a word starting a coordinated verb phrase can carry. */
const VERB_TAGS = new Set(['VB', 'VBP', 'VBZ', 'VBD']);

/** Field verbs the lexicon reads as nouns first ("train", "use") but which after "and" are verbs. */
const FIELD_VERBS = new Set(['train', 'retrain', 'use', 'cache', 'store', 'log', 'score', 'rank']);

/** Words that open a noun phrase: after a noun-first word they show it was used as a verb ("use a cache"). */
const OBJECT_OPENERS = new Set([
  'a', 'an', 'the', 'our', 'its', 'their', 'his', 'her', 'your', 'this', 'these', 'those', 'each', 'every',
  'all', 'some', 'any', 'them', 'it', 'more', 'fewer', 'both',
]);

const PREFIXES = /^(?:re|pre|down|up|over|under|de|co|auto)(?=[a-z]{4,})/;
const VERB_ENDING = /[a-z]{3,}(?:ize|ise|ate|ify)s?$/;

let table: Map<string, string[]> | null = null;

function load(): Map<string, string[]> {
  const map = new Map<string, string[]>();
  try {
    const require = createRequire(import.meta.url);
    const text = readFileSync(require.resolve('wink-lexicon/src/lexicon.js'), 'utf8');
    // `lexicon.use = A_NN_VB_VBP;` names a word's tags, most frequent first.
    for (const m of text.matchAll(/^lexicon\.([a-z]+) = A_([A-Z_$]+);$/gm)) map.set(m[1]!, m[2]!.split('_'));
  } catch {
    // No lexicon: word forms only.
  }
  return map;
}

function tagsOf(word: string): string[] | undefined {
  table ??= load();
  return table.get(word);
}

/**
 * Whether `word` (lowercase) starts a verb phrase, given the word after it (`next`, lowercase or
 * ''). A word whose most frequent tag is a verb does; a noun-first word does when an object
 * follows it ("use a feature store") or when it is a verb of the field ("train boosted trees").
 */
export function startsVerbPhrase(word: string, next: string): boolean {
  const tags = tagsOf(word);
  if (tags) {
    if (VERB_TAGS.has(tags[0]!)) return true;
    if (!tags.some((t) => VERB_TAGS.has(t))) return false;
    return FIELD_VERBS.has(word) || OBJECT_OPENERS.has(next);
  }
  if (FIELD_VERBS.has(word)) return true;
  const base = word.replace(PREFIXES, '');
  if (base !== word) return startsVerbPhrase(base, next);
  return VERB_ENDING.test(word);
}
