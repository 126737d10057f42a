import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize, tokenize, type Separator } from '../../src/reading/tokens.js';

/** The separator rules as plain patterns (tokens.ts reads a single space without them). */
function reference(between: string): Separator {
  if (between === '') return 'glue';
  if (/[;:()[\]{}!?.—|"]/.test(between) || /\s-+\s/.test(between) || /(?:^|\s)'/.test(between)) return 'hard';
  if (between.includes(',')) return 'comma';
  if (/[-/_\\]/.test(between)) return 'glue';
  return 'space';
}

const WORDS = ['model', 'FAIR', 'data', 'Label', 'ranking', '200', 'ms', 'CAT', 'serving'];
const GAPS = [' ', '  ', ', ', '; ', ' - ', '-', '/', '_', ': ', '. ', ' (', ') ', '\n', ' \'', '"'];

describe('token separators', () => {
  it('are what the rules give for every gap, one space included', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...GAPS), fc.constantFrom(...WORDS)), { minLength: 1, maxLength: 12 }), (parts) => {
        const text = parts.map(([gap, word]) => gap + word).join('');
        const s = normalize(text);
        const expected: Separator[] = [];
        let last = 0;
        for (const m of s.matchAll(/[\p{L}\p{M}]+|\p{N}+/gu)) {
          expected.push(expected.length === 0 ? 'hard' : reference(s.slice(last, m.index)));
          last = m.index + m[0].length;
        }
        // The lexicon can rewrite words (not these), so the separators line up one to one.
        expect(tokenize(text).map((t) => t.sep)).toEqual(expected);
      }),
    );
  });

  it('marks words in capitals only when they start with one', () => {
    const tokens = tokenize('we use FAIR and xFAIR and Fair');
    expect(tokens.filter((t) => t.upper).map((t) => t.raw)).toEqual(['fair']);
  });
});
