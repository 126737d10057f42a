import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byCodeUnits } from '../../src/text/compare.js';

describe('byCodeUnits', () => {
  it('orders kebab-case ids as localeCompare does (the lists that use it show the same order)', () => {
    const kebab = fc.stringMatching(/^[a-z0-9]{1,6}(?:-[a-z0-9]{1,6}){0,3}$/);
    fc.assert(
      fc.property(kebab, kebab, (a, b) => {
        expect(Math.sign(byCodeUnits(a, b))).toBe(Math.sign(a.localeCompare(b)));
      }),
      { numRuns: 5000 },
    );
    expect(['news-feed', 'ad-click-prediction', 'ad-click', 'a1', 'a-1'].sort(byCodeUnits)).toEqual(['a-1', 'a1', 'ad-click', 'ad-click-prediction', 'news-feed']);
  });
});
