import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalize, scanWords } from '../../src/reading/tokens.js';

const FIXTURES = new URL('../fixtures/answers/', import.meta.url);
const CALIBRATION = '/work/shared/calibration/answers/';

/** The words as the pattern finds them, with the separators as the patterns read them: the plain way scanWords must agree with. */
function byPattern(text: string): Array<[string, string, boolean]> {
  const s = normalize(text);
  const out: Array<[string, string, boolean]> = [];
  let last = 0;
  for (const m of s.matchAll(/[\p{L}\p{M}]+|\p{N}+/gu)) {
    const between = s.slice(last, m.index);
    last = m.index + m[0].length;
    const sep = out.length === 0 ? 'hard' : separator(between);
    const upper = s.length === text.length && /^[A-Z]{2,}$/.test(text.slice(m.index, last));
    out.push([m[0], sep, upper]);
  }
  return out;
}

function separator(between: string): string {
  if (between === '') return 'glue';
  if (/[;:()[\]{}!?.—|"]/.test(between) || /\s-+\s/.test(between) || /(?:^|\s)'/.test(between)) return 'hard';
  if (between.includes(',')) return 'comma';
  if (/[-/_\\]/.test(between)) return 'glue';
  return 'space';
}

function samples(): string[] {
  const dirs = [FIXTURES.pathname, CALIBRATION].filter((d) => {
    try {
      return readdirSync(d).length > 0;
    } catch {
      return false;
    }
  });
  const lines = dirs.flatMap((d) => readdirSync(d).flatMap((f) => readFileSync(`${d}/${f}`, 'utf8').split('\n')));
  return [
    ...lines,
    'AUC, NDCG; p99 < 50ms -- then 2x the A/B test (re-ranking) "quoted" it\'s e.g. 10k/day_ok\\x',
    'Café résumé naïve – “smart quotes” → arrows ≥ ½ ① ², and ÅNGSTRÖM',
    'FAIR CAT uses MAE; the mae team, ROUGE-L, x2, 3rd, v2.1',
    '', '   ', '---', '200ms,300 ms', 'tab\there', 'new\nline',
  ];
}

describe('scanWords (reading/tokens.ts): ASCII text read without the word pattern', () => {
  it('finds the words, separators and capitals the patterns find, on every fixture and calibration line and odd samples', () => {
    const texts = samples();
    expect(texts.length).toBeGreaterThan(1000);
    let words = 0;
    for (const text of texts) {
      const got = scanWords(text).map((t): [string, string, boolean] => [t.raw, t.sep, !!t.upper]);
      expect(got, text).toEqual(byPattern(text));
      words += got.length;
    }
    expect(words).toBeGreaterThan(20_000);
  });
});
