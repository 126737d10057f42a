import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Is a word a correctly spelled English word? Typo tolerance must never turn one real word into
 * another ("transformed" is not "transformer"), so the scorer asks this before reading a word as a
 * misspelling. The list is the npm package `an-array-of-english-words` (about 275,000 lowercase
 * words, sorted): its JSON text is read once, on first use (about 8 ms), and searched in place by
 * bisection, without parsing it into an array (which would cost about 70 ms and 20 MB).
 *
 * Reading the file is the one impure step; a missing list makes every word unknown (the scorer then
 * behaves as before: typo tolerance on), never an error.
 */

let text: string | null = null;
const memo = new Map<string, boolean>();
const MEMO_LIMIT = 20_000;

function list(): string {
  if (text === null) {
    try {
      const require = createRequire(import.meta.url);
      // Latin-1: the list is ASCII, and a one-byte string reads several times faster than UTF-8 is decoded
      // (UTF-8 keeps byte order as code point order, so a non-ASCII word would still sort where bisection expects it).
      text = readFileSync(require.resolve('an-array-of-english-words/index.json'), 'latin1');
    } catch {
      text = '[]';
    }
  }
  return text;
}

/** Whether `word` (lowercase letters) is in the English word list. */
export function isEnglishWord(word: string): boolean {
  if (!/^[a-z]+$/.test(word)) return false;
  const known = memo.get(word);
  if (known !== undefined) return known;
  const found = search(list(), word);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(word, found);
  return found;
}

/**
 * Bisection over `["a","aa",...]`. Invariant: the target's opening quote, if any, lies in [lo, hi).
 * Each probe reads the first word whose opening quote is at or after the midpoint.
 */
function search(s: string, word: string): boolean {
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const q = openingQuote(s, mid);
    if (q < 0 || q >= hi) {
      hi = mid;
      continue;
    }
    const end = s.indexOf('"', q + 1);
    if (end < 0) return false;
    const probe = s.slice(q + 1, end);
    if (probe === word) return true;
    if (probe < word) lo = end + 1;
    else hi = mid;
  }
  return false;
}

/** The first opening quote at or after `from` (one that follows '[' or ','), or -1. */
function openingQuote(s: string, from: number): number {
  let i = s.indexOf('"', from);
  while (i >= 0 && s[i - 1] !== ',' && s[i - 1] !== '[') i = s.indexOf('"', i + 1);
  return i;
}
