import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NUMBER } from '../../src/scoring/depth.js';

const FIXTURES = new URL('../fixtures/answers/', import.meta.url);
/** The pattern as it was written, with the i flag: NUMBER must find quantities in the same texts. */
const CASE_FOLDED = /(?<![\p{L}\d.])\d+(?:[.,]\d+)?\s*(?:%|k|m|b|bn|ms|s|h|x)?(?![\p{L}\d])/iu;

describe('depth NUMBER (scoring/depth.ts): a quantity, matched without the i flag', () => {
  it('matches what the case-folding pattern matches, on every fixture line and on units in every case', () => {
    const lines = readdirSync(FIXTURES).flatMap((f) => readFileSync(new URL(f, FIXTURES), 'utf8').split('\n'));
    const units = ['%', 'k', 'K', '\u212A', 'm', 'M', 'b', 'B', 'bn', 'BN', 'Bn', 'ms', 'MS', 'mS', 'm\u017F', 's', 'S', '\u017F', 'h', 'H', 'x', 'X', 'kb', 'msx', 'mb', 'y', 'é', '\u0345'];
    const samples = [...lines, ...units.flatMap((u) => [`50${u}`, `50 ${u}`, `p${u}50`, `${u}50`, `1.5${u} now`, `v2`, `\u034550`, `50\u0345`])];
    let found = 0;
    for (const text of samples) {
      expect(NUMBER.test(text), text).toBe(CASE_FOLDED.test(text));
      if (CASE_FOLDED.test(text)) found++;
    }
    expect(found).toBeGreaterThan(100);
  });

  it('reads each character before and after a number as the case-folding pattern does, over all of Unicode', () => {
    const differ: string[] = [];
    for (let c = 0; c <= 0x10ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const s = String.fromCodePoint(c);
      for (const text of [`${s}5`, `5${s}`, `5 ${s}`]) if (NUMBER.test(text) !== CASE_FOLDED.test(text)) differ.push(`U+${c.toString(16)} in ${text}`);
    }
    expect(differ).toEqual([]);
  });
});
