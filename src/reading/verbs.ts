import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Could a word be a verb? Negation scope needs it: in "to avoid leakage and train boosted trees"
 * the word after "and" starts a second verb phrase, which the negation does not reach, while in
 * "no A/B test and canary" it continues a list of nouns.
 *
 * The parts of speech are the POS lexicon of the npm package `wink-lexicon` (about 13,000 common
 * English words, each with its Penn Treebank tags, most frequent first, partly from the fnTBL
 * project). Its text is read once, on first use (390 KB, without running it as code), only when a
 * negation meets a conjunction, and each word asked about is found in place and remembered. Words the
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

/** How the lexicon reads a word: 0 no verb sense, 1 a verb sense after a noun one, 2 a verb first. */
type VerbSense = 0 | 1 | 2;

let text: string | null = null;
const memo = new Map<string, VerbSense | null>();
const MEMO_LIMIT = 5_000;

/** The lexicon's Penn Treebank tags of a word, most frequent first, or null when it lacks the word. */
function tagsOf(word: string): string[] | null {
  const known = tagMemo.get(word);
  if (known !== undefined) return known;
  if (text === null) {
    try {
      const require = createRequire(import.meta.url);
      text = readFileSync(require.resolve('wink-lexicon/src/lexicon.js'), 'latin1');
    } catch {
      text = ''; // No lexicon: word forms only.
    }
  }
  // `lexicon.use = A_NN_VB_VBP;` names a word's tags, most frequent first. Looked up in place: the
  // scorer asks about a few words per answer, far fewer than the 13,000 a parsed table would hold.
  const key = `\nlexicon.${word} = A_`;
  const at = text.indexOf(key);
  const tags = at >= 0 ? text.slice(at + key.length, text.indexOf(';', at)).split('_') : null;
  if (tagMemo.size >= MEMO_LIMIT) tagMemo.clear();
  tagMemo.set(word, tags);
  return tags;
}
const tagMemo = new Map<string, string[] | null>();

/** The lexicon's reading of a word as a verb, or null when it lacks the word. */
function senseOf(word: string): VerbSense | null {
  const known = memo.get(word);
  if (known !== undefined) return known;
  const tags = tagsOf(word);
  const sense: VerbSense | null = tags === null ? null : VERB_TAGS.has(tags[0]!) ? 2 : tags.some((t) => VERB_TAGS.has(t)) ? 1 : 0;
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(word, sense);
  return sense;
}

/**
 * Whether the lexicon reads `word` (lowercase) first as an adjective (Penn tag JJ: "confident",
 * "available", "sure"). False for words it lacks.
 */
export function isAdjectiveFirst(word: string): boolean {
  if (!/^[a-z]+$/.test(word)) return false;
  return tagsOf(word)?.[0] === 'JJ';
}

/**
 * Whether the lexicon reads `word` (lowercase) as a verb first ("improves", "beats"; not "threshold",
 * "point"). False for words it lacks.
 */
export function isVerbFirst(word: string): boolean {
  if (!/^[a-z]+$/.test(word)) return false;
  const first = tagsOf(word)?.[0];
  return first !== undefined && VERB_TAGS.has(first);
}

/**
 * Whether `word` (lowercase) starts a verb phrase, given the word after it (`next`, lowercase or
 * ''). A word whose most frequent tag is a verb does; a noun-first word does when an object
 * follows it ("use a feature store") or when it is a verb of the field ("train boosted trees").
 */
export function startsVerbPhrase(word: string, next: string): boolean {
  if (!/^[a-z]+$/.test(word)) return false;
  const sense = senseOf(word);
  if (sense !== null) {
    if (sense === 2) return true;
    if (sense === 0) return false;
    return FIELD_VERBS.has(word) || OBJECT_OPENERS.has(next);
  }
  if (FIELD_VERBS.has(word)) return true;
  const base = word.replace(PREFIXES, '');
  if (base !== word) return startsVerbPhrase(base, next);
  return VERB_ENDING.test(word);
}
