import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCALE } from '../../src/scoring/scale-parameters.js';
import { scoreBuiltin } from '../helpers/builtin.js';

// The README's "How scoring works" quotes fitted figures; `npm run fit-scale` changes them, so they are
// checked here against the parameters and the scorer rather than trusted to be updated by hand.
const root = new URL('../..', import.meta.url).pathname;
const readme = readFileSync(join(root, 'README.md'), 'utf8').replace(/\s+/g, ' ');
const figure = (pattern: RegExp): number[] => {
  const m = readme.match(pattern);
  expect(m, `README no longer says ${pattern}`).not.toBeNull();
  return m!.slice(1).map(Number);
};

describe('the README quotes the fitted scale as it is', () => {
  it('the points per mistake', () => {
    expect(figure(/each major mistake made in that stage \((\d+) today\)/)).toEqual([SCALE.stageMistake]);
    expect(figure(/\((\d+) per major and (\d+) per minor one today/)).toEqual([SCALE.mistake.major, SCALE.mistake.minor]);
  });

  it('the level shift and the worked example of the three levels', () => {
    expect(figure(/shifted by (\d+) points \(up at mid, down at staff\)/)).toEqual([SCALE.levelShift]);
    const [mid, senior, staff] = figure(/the modest ad-click fixture: (\d+) mid, (\d+) senior, (\d+) staff/);
    const text = readFileSync(join(root, 'tests', 'fixtures', 'answers', 'ad-click-prediction.modest.md'), 'utf8');
    const report = scoreBuiltin('ad-click-prediction', text, 'senior', 'ad-click-prediction.modest.md');
    expect(report.overallByLevel).toEqual({ mid, senior, staff });
  });
});
