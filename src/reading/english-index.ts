/**
 * The English word list (reading/english.ts) as a file that answers a look-up without reading the
 * whole list: written at `npm run build` (scripts/build-dist.mjs) into dist/data/english-words.bin
 * from the npm package's list, and checked against that list by a test (tests/unit/english.test.ts).
 *
 * Layout: MAGIC, then a table of GROUPS + 1 offsets (unsigned 32-bit, little-endian) into the body,
 * then the body: the words of each group in the list's order (sorted), each followed by "\n". A
 * word's group is its first two letters (a one-letter word, and only it, has group `first * 27`),
 * so a look-up reads one group: 9 KB on average, 104 KB at most, where the list is 3.3 MB.
 * Words of anything but the letters a-z are left out: the look-up refuses them before it searches.
 * Pure: bytes in, bytes out.
 */

export const MAGIC = 'mlsd-english-words 1\n';
/** 26 first letters, each with no second letter or one of 26. */
export const GROUPS = 26 * 27;
const TABLE_BYTES = (GROUPS + 1) * 4;
/** Whether this machine stores numbers little-endian, as the file does. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
/** Where the body starts, in bytes. */
export const BODY_START = MAGIC.length + TABLE_BYTES;

/** The group of a word of lowercase letters a-z (at least one). */
export function groupOf(word: string): number {
  const first = word.charCodeAt(0) - 97;
  return first * 27 + (word.length > 1 ? word.charCodeAt(1) - 96 : 0);
}

/** The file's bytes for a sorted list of words; words not of the letters a-z are left out. */
export function buildEnglishIndex(words: readonly string[]): Buffer {
  const groups: string[][] = Array.from({ length: GROUPS }, () => []);
  for (const word of words) if (/^[a-z]+$/.test(word)) groups[groupOf(word)]!.push(word);
  const bodies = groups.map((g) => g.map((w) => `${w}\n`).join(''));
  const table = Buffer.alloc(TABLE_BYTES);
  let offset = 0;
  bodies.forEach((body, g) => {
    table.writeUInt32LE(offset, g * 4);
    offset += body.length;
  });
  table.writeUInt32LE(offset, GROUPS * 4);
  return Buffer.concat([Buffer.from(MAGIC, 'latin1'), table, Buffer.from(bodies.join(''), 'latin1')]);
}

/**
 * The group offsets of a file whose head (the first BODY_START bytes) and size are given, when they
 * are this format's: the magic, offsets from 0 that never decrease, the last one the body's size.
 * Null otherwise (another format, cut short, damaged).
 */
export function readTable(head: Buffer, fileSize: number): Uint32Array | null {
  if (head.length < BODY_START || head.toString('latin1', 0, MAGIC.length) !== MAGIC) return null;
  const table = new Uint32Array(GROUPS + 1);
  // The offsets are little-endian: on a little-endian machine (nearly all) their bytes are copied as they
  // are, in one native copy; reading 703 numbers one call each cost a few ms in a fresh process.
  if (LITTLE_ENDIAN) new Uint8Array(table.buffer).set(head.subarray(MAGIC.length, MAGIC.length + TABLE_BYTES));
  else for (let g = 0; g <= GROUPS; g++) table[g] = head.readUInt32LE(MAGIC.length + g * 4);
  if (table[0] !== 0 || table[GROUPS] !== fileSize - BODY_START) return null;
  for (let g = 1; g <= GROUPS; g++) if (table[g]! < table[g - 1]!) return null;
  return table;
}

/** Whether `word` is one of the lines of a group's text (sorted words, each followed by "\n"), by bisection. */
export function inGroup(text: string, word: string): boolean {
  let lo = 0;
  let hi = text.length;
  // Invariant: if the word is there, its line starts in [lo, hi).
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    // The first line that starts at or after mid; none before hi means the word's line is before mid.
    const newline = mid === 0 ? -1 : text.indexOf('\n', mid - 1);
    const start = mid === 0 ? 0 : newline < 0 ? hi : newline + 1;
    if (start >= hi) {
      hi = mid;
      continue;
    }
    const end = text.indexOf('\n', start);
    const probe = text.slice(start, end);
    if (probe === word) return true;
    if (probe < word) lo = end + 1;
    else hi = mid;
  }
  return false;
}
