import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/reading/tokens.js';
import { readDepth } from '../../src/scoring/depth.js';
import { scoreBuiltin } from '../helpers/builtin.js';

// Answer forms (tryout 8, F21): a number written in digits and in words is one number to the matcher
// and to the depth cues.
const words = (text: string) => tokenize(text).map((t) => t.stem).join(' ');
const report = (prompt: string, text: string) => scoreBuiltin(prompt, text);
const item = (prompt: string, text: string, id: string) => report(prompt, text).stages.flatMap((s) => s.items).find((i) => i.id === id)!;

describe('numbers in digits and in words', () => {
  it.each([
    ['more than ten minutes late', 'more than 10 minutes late'],
    ['per thousand impressions', 'per 1000 impressions'],
    ['twenty-five orders', '25 orders'],
    ['five hundred candidates', '500 candidates'],
    ['one hundred ms', '100 ms'],
  ])('reads "%s" as "%s"', (spelled, digits) => {
    expect(words(spelled)).toBe(words(digits));
  });

  it('reads "1,000" as one number, not two words split by a comma', () => {
    expect(words('per 1,000 impressions')).toBe(words('per 1000 impressions'));
    expect(tokenize('top 1,000, then').map((t) => t.raw)).toEqual(['top', '1000', 'then']);
    expect(tokenize('top 1,000, then')[2]!.sep).toBe('comma');
  });

  it('keeps "one" a word unless it counts a magnitude, and leaves names and plurals alone', () => {
    const raw = (text: string) => tokenize(text).map((t) => t.raw);
    expect(raw('the one we ship')).toContain('one');
    expect(raw('one model per region')).toContain('one');
    expect(words('one thousand users')).toBe(words('1 thousand users'));
    expect(words('1k users')).toBe(words('1 thousand users'));
    expect(words('thousands of users')).not.toMatch(/\d/);
  });

  const pairs: Array<[string, string, string, string]> = [
    ['eta-prediction', '## Evaluation\nWe report MAE and the share of orders more than 10 minutes late.\n', '10', 'ten'],
    ['ad-click-prediction', '## Evaluation\nA/B test on revenue per 1000 impressions.\n', '1000', 'thousand'],
    ['ad-click-prediction', '## Evaluation\nA/B test on revenue per 1,000 impressions.\n', '1,000', 'thousand'],
    ['ad-click-prediction', '## Evaluation\nA/B test on revenue per 1k impressions.\n', '1k', 'thousand'],
  ];
  it.each(pairs)('%s: %j covers the same items at the same depth in either form', (prompt, text, digits, spelled) => {
    const other = text.replace(digits, spelled);
    const covered = (t: string) => report(prompt, t).stages.flatMap((s) => s.items).filter((i) => i.status === 'covered').map((i) => `${i.id}:${i.depthLevel}`);
    expect(covered(text)).toEqual(covered(other));
    const flags = (t: string) => report(prompt, t).redFlags.map((f) => f.id);
    expect(flags(text)).toEqual(flags(other));
  });

  it('covers the lateness and business metrics written with digits, as their hints spell them', () => {
    expect(item('eta-prediction', pairs[0]![1], 'eta-accuracy-metrics').status).toBe('covered');
    expect(item('ad-click-prediction', pairs[1]![1], 'ads-business-metrics').status).toBe('covered');
  });

  it('gives a number in words the depth a number in digits has, and no list-of-terms flag', () => {
    expect(readDepth('revenue per thousand impressions').level).toBe(readDepth('revenue per 1000 impressions').level);
    expect(readDepth('retrain every two weeks').cues).toContain('number');
    expect(readDepth('a million users').cues).toContain('number');
    const flags = report('ad-click-prediction', '## Evaluation\nA/B test on revenue per thousand impressions.\n').redFlags.map((f) => f.id);
    expect(flags.some((id) => /list/.test(id))).toBe(false);
  });

  it('does not read a hyphenated name or a lone "one" as a quantity', () => {
    expect(readDepth('two-tower model').cues).not.toContain('number');
    expect(readDepth('two-stage funnel').cues).not.toContain('number');
    expect(readDepth('one-hot encoding').cues).not.toContain('number');
    expect(readDepth('the one model').cues).not.toContain('number');
  });
});
