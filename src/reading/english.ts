import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageInfo } from '../package-root.js';
import { BODY_START, groupOf, inGroup, readTable } from './english-index.js';

/**
 * Is a word a correctly spelled English word? Typo tolerance must never turn one real word into
 * another ("transformed" is not "transformer"), so the scorer asks this before reading a word as a
 * misspelling. The list is the npm package `an-array-of-english-words` (about 275,000 lowercase
 * words, sorted). `npm run build` writes it grouped by the first two letters, with a table of where
 * each group starts (dist/data/english-words.bin, english-index.ts), so a look-up reads only its
 * group (9 KB on average) instead of the whole list (3.3 MB, about 6 ms a run). Without that file, or
 * when it fails its checks, the package's JSON text is read once, on first use, and searched in place
 * by bisection, without parsing it into an array (which would cost about 70 ms and 20 MB).
 *
 * Reading the files is the one impure step; a missing list makes every word unknown (the scorer then
 * behaves as before: typo tolerance on), never an error.
 */

/** Where `npm run build` writes the grouped list, in mlsd's package. */
export function englishIndexFile(root: string = packageInfo().root): string {
  return join(root, 'dist', 'data', 'english-words.bin');
}

/** The grouped list: its open file, its table of groups, and the groups read so far (as text). */
export interface Grouped {
  fd: number;
  table: Uint32Array;
  groups: Map<number, string>;
}

/** The grouped list when its file is there and sound; null to fall back on the package's list. */
let grouped: Grouped | null | undefined;

/** The grouped list of a file, when it is a regular file of this format (english-index.ts); null otherwise. */
export function openGrouped(file: string = englishIndexFile()): Grouped | null {
  let fd: number | null = null;
  try {
    fd = openSync(file, 'r');
    const stat = fstatSync(fd);
    const head = Buffer.alloc(BODY_START);
    const table = stat.isFile() && readSync(fd, head, 0, BODY_START, 0) === BODY_START ? readTable(head, stat.size) : null;
    if (table) return { fd, table, groups: new Map() };
  } catch {
    // no such file (sources run without a build), unreadable: the package's list is used
  }
  if (fd !== null) closeSync(fd);
  return null;
}

/** Whether the grouped list has `word` (lowercase letters a-z); null when its group cannot be read. */
export function inGrouped(index: Grouped, word: string): boolean | null {
  const text = groupText(index, groupOf(word));
  return text === null ? null : inGroup(text, word);
}

/** The text of a word's group ("" when it has none), read once; null when it cannot be read. */
function groupText(index: Grouped, group: number): string | null {
  const known = index.groups.get(group);
  if (known !== undefined) return known;
  const start = index.table[group]!;
  const length = index.table[group + 1]! - start;
  const bytes = Buffer.alloc(length);
  try {
    if (readSync(index.fd, bytes, 0, length, BODY_START + start) !== length) return null;
  } catch {
    return null;
  }
  const text = bytes.toString('latin1');
  // Each group's text ends its last word with a newline; a file changed under us falls back.
  if (length > 0 && text[length - 1] !== '\n') return null;
  index.groups.set(group, text);
  return text;
}

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
  if (grouped === undefined) grouped = openGrouped();
  let found = grouped ? inGrouped(grouped, word) : null;
  if (grouped && found === null) {
    // Damaged since it was opened: the package's list from now on.
    closeSync(grouped.fd);
    grouped = null;
  }
  found ??= search(list(), word);
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
