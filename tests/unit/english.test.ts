import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { isEnglishWord } from '../../src/reading/english.js';

describe('English word list', () => {
  it('finds every word of the list by bisection (a sample of 3,000) and rejects non-words', () => {
    const file = createRequire(import.meta.url).resolve('an-array-of-english-words/index.json');
    const words = JSON.parse(readFileSync(file, 'utf8')) as string[];
    const sample = words.filter((_, i) => i % 90 === 0 || i === words.length - 1);
    expect(sample.filter((w) => !isEnglishWord(w))).toEqual([]);
    for (const w of ['transformed', 'leak', 'labelled', 'fair', 'a']) expect(isEnglishWord(w)).toBe(true);
    for (const w of ['calibraton', 'transformerz', 'xyzq', 'Leak', '']) expect(isEnglishWord(w)).toBe(false);
  });
});
