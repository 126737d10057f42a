import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { englishIndexFile, inGrouped, isEnglishWord, openGrouped } from '../../src/reading/english.js';
import { BODY_START, buildEnglishIndex, GROUPS, inGroup, MAGIC, readTable } from '../../src/reading/english-index.js';

const listFile = createRequire(import.meta.url).resolve('an-array-of-english-words/index.json');
const words = JSON.parse(readFileSync(listFile, 'utf8')) as string[];

/** Non-words near real ones: a letter added, dropped or doubled, and words past either end of the list. */
function nearMisses(known: ReadonlySet<string>, sample: readonly string[]): string[] {
  const out = new Set<string>(['aaaa', 'zzzz', 'zzzzz', 'b', 'calibraton', 'transformerz', 'xyzq', 'qqq', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']);
  for (const w of sample) for (const m of [`${w}q`, `q${w}`, w.slice(0, -1), w.slice(1), `${w}${w.at(-1)}`, `${w}a`, `${w}z`]) if (m) out.add(m);
  return [...out].filter((w) => !known.has(w));
}

describe('English word list', () => {
  it('finds every word of the list by bisection (a sample of 3,000) and rejects non-words', () => {
    const sample = words.filter((_, i) => i % 90 === 0 || i === words.length - 1);
    expect(sample.filter((w) => !isEnglishWord(w))).toEqual([]);
    for (const w of ['transformed', 'leak', 'labelled', 'fair', 'a']) expect(isEnglishWord(w)).toBe(true);
    for (const w of ['calibraton', 'transformerz', 'xyzq', 'Leak', '']) expect(isEnglishWord(w)).toBe(false);
  });
});

describe('the grouped English word list (dist/data/english-words.bin, written by npm run build)', () => {
  it('agrees with the package\'s list on every word, on the first and last word of every group, and on near misses', () => {
    expect(existsSync(englishIndexFile())).toBe(true);
    const index = openGrouped();
    expect(index).not.toBeNull();
    expect(words.filter((w) => inGrouped(index!, w) !== true)).toEqual([]);
    const known = new Set(words);
    // Group edges: the words either side of each change of the first two letters.
    const edges = words.filter((w, i) => w.slice(0, 2) !== words[i - 1]?.slice(0, 2) || w.slice(0, 2) !== words[i + 1]?.slice(0, 2));
    expect(edges).toContain('a');
    expect(edges).toContain(words.at(-1));
    const misses = nearMisses(known, [...edges, ...words.filter((_, i) => i % 500 === 0)]);
    expect(misses.length).toBeGreaterThan(1000);
    expect(misses.filter((w) => inGrouped(index!, w) !== false)).toEqual([]);
  });

  it('bisects a group exactly: first, middle and last lines, and words between them', () => {
    const text = 'ab\nabc\nabd\nabe\nabzz\n';
    for (const w of ['ab', 'abc', 'abd', 'abe', 'abzz']) expect(inGroup(text, w), w).toBe(true);
    for (const w of ['a', 'aba', 'abcd', 'abdd', 'abz', 'abzzz', 'ac']) expect(inGroup(text, w), w).toBe(false);
    expect(inGroup('', 'a')).toBe(false);
    expect(inGroup('only\n', 'only')).toBe(true);
  });
});

describe('a grouped list file that is damaged or of another format', () => {
  let temp: string;
  beforeEach(() => {
    temp = mkdtempSync(join(tmpdir(), 'mlsd-english-'));
  });
  afterEach(() => rmSync(temp, { recursive: true, force: true }));

  it('has its table of offsets read as the little-endian numbers the file holds', () => {
    const bytes = buildEnglishIndex(['a', 'ab', 'abc', 'b', 'mm', 'zebra', 'zz']);
    const table = readTable(bytes.subarray(0, BODY_START), bytes.length);
    const expected = Array.from({ length: GROUPS + 1 }, (_, g) => bytes.readUInt32LE(MAGIC.length + g * 4));
    expect(table && [...table]).toEqual(expected);
    expect(expected.at(-1)).toBe(bytes.length - BODY_START);
    expect(new Set(expected).size).toBeGreaterThan(3);
  });

  it('is refused when opened, so the package\'s list answers instead', () => {
    const good = buildEnglishIndex(['a', 'ab', 'abc', 'b', 'zebra', 'Zebra', 'naïve']);
    const file = join(temp, 'words.bin');
    writeFileSync(file, good);
    const index = openGrouped(file);
    expect(index).not.toBeNull();
    expect(['a', 'ab', 'abc', 'b', 'zebra'].map((w) => inGrouped(index!, w))).toEqual([true, true, true, true, true]);
    expect(['aa', 'abcd', 'c', 'zebras', 'naive'].map((w) => inGrouped(index!, w))).toEqual([false, false, false, false, false]);

    const table = Buffer.from(good);
    table.writeUInt32LE(1000, MAGIC.length + 3 * 4); // offsets no longer in order
    const damaged: Array<[string, Buffer]> = [
      ['cut short', good.subarray(0, good.length - 3)],
      ['head only, cut', good.subarray(0, BODY_START - 1)],
      ['another format', Buffer.concat([Buffer.from(MAGIC.replace('1', '2'), 'latin1'), good.subarray(MAGIC.length)])],
      ['bytes added', Buffer.concat([good, Buffer.from('x\n')])],
      ['offsets out of order', table],
      ['empty', Buffer.alloc(0)],
    ];
    for (const [what, bytes] of damaged) {
      writeFileSync(file, bytes);
      expect(openGrouped(file), what).toBeNull();
    }
    expect(openGrouped(join(temp, 'missing.bin'))).toBeNull();
    expect(openGrouped(temp)).toBeNull(); // a directory
    expect(GROUPS).toBe(702);
  });
});
