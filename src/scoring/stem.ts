import { stemmer } from 'stemmer';
import { irregularLemma } from '../reading/lemma.js';

// Porter stems of lemmas, memoized: answers repeat words, and rubric phrases are compiled once. An
// irregular form is first read as its lemma ("ran" as "run", src/reading/lemma.ts), then stemmed.
const cache = new Map<string, string>();
const CACHE_LIMIT = 50_000;

// Porter leaves some pairs apart that candidates use interchangeably.
const IRREGULAR: Record<string, string> = {
  // The forms of "to be" share one lemma: "features are" and "feature is" say the same thing.
  is: 'be',
  are: 'be',
  was: 'be',
  were: 'be',
  am: 'be',
  been: 'be',
  being: 'be',
  // Campaign targeting is no target variable: "ads are filtered by targeting" defines no label.
  targeting: 'targeting',
  targeted: 'targeting',
  labelling: 'label',
  labelled: 'label',
  modelling: 'model',
  modelled: 'model',
  travelling: 'travel',
  cancelled: 'cancel',
  data: 'data',
  datum: 'data',
  indices: 'index',
  indexes: 'index',
  matrices: 'matrix',
  analyses: 'analysi',
  criteria: 'criterion',
  children: 'child',
  hypotheses: 'hypothesi',
  vertices: 'vertex',
  bias: 'bias',
  biases: 'bias',
  biased: 'bias',
  series: 'seri',
  // Porter makes the model "transformer" the verb "transform" ("transform the boxes").
  transformer: 'transformer',
  transformers: 'transformer',
};

export function stemWord(word: string): string {
  const known = cache.get(word);
  if (known !== undefined) return known;
  const stored = remembered?.get(word);
  if (stored !== undefined) return stored;
  let stem: string;
  if (Object.hasOwn(IRREGULAR, word)) stem = IRREGULAR[word]!;
  else if (word.length <= 2 || isNumber(word)) stem = word;
  else stem = stemmer(regularize(irregularLemma(word)));
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, stem);
  return stem;
}

/** Stems worked out before by stemWord itself, by word (see rememberStems). */
let remembered: ReadonlyMap<string, string> | null = null;

/**
 * Takes the stems of the phrase words of a compiled-scoring cache (made by this same build's stemWord,
 * files/compiled-cache.ts), read before stemming: an answer's words are mostly phrase words, and the
 * stemmer is the slowest part of reading a word in a fresh process. The map is kept as it is (not
 * copied word by word); a later call replaces it, which changes no stem, only what is known ahead.
 */
export function rememberStems(stems: ReadonlyMap<string, string>): void {
  remembered = stems;
}

const NUMBER = /^\p{N}+$/u;

/** NUMBER.test, without the pattern for a word that starts with an ASCII character other than a digit (most words). */
function isNumber(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 128 && (code < 48 || code > 57)) return false;
  return NUMBER.test(word);
}

/**
 * British -ise and -our spellings, and the -anced/-enced forms Porter stems apart from their nouns. Each
 * pattern runs only on a word that has the letters it needs ("our", "is", "nc"): most words have none.
 */
function regularize(word: string): string {
  // British -our spellings: "neighbours", "behaviour", "favourite", "colours".
  let w = word.includes('our') ? word.replace(/^(neighb|behavi|col|fav|lab|hon|hum|rum|flav|harb|endeav|sav|vap|arm|vig|rig|od|parl)our/, '$1or') : word;
  if (w.length >= 7 && w.includes('is')) w = w.replace(/is(e|es|ed|ing|ation|ations|er|ers)$/, 'iz$1');
  return w.includes('nc') ? w.replace(/(anc|enc)(ed|ing|es)$/, '$1e') : w;
}
