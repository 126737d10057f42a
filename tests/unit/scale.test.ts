import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMap, isotonic, meanAbsoluteError, meanSignedError, spearman } from '../../src/scoring/fit.js';
import { calibratedOverall, calibratedStage, overallByLevel } from '../../src/scoring/scale.js';
import { SCALE } from '../../src/scoring/scale-parameters.js';
import { crossValidateByPrompt, fitScale, type ScaleSample } from '../../src/scoring/scale-fit.js';
import { STAGE_IDS } from '../../src/stages.js';
import { scoreBuiltin } from '../helpers/builtin.js';
import { readFileSync } from 'node:fs';

describe('isotonic regression', () => {
  it('pools adjacent violators into their mean', () => {
    const map = isotonic([1, 2, 3, 4], [1, 3, 2, 4]);
    expect(map.x).toEqual([1, 2.5, 4]);
    expect(map.y).toEqual([1, 2.5, 4]);
  });

  it('pools blocks lighter than minBlock into a neighbour', () => {
    const map = isotonic([1, 2, 3, 4], [1, 2, 3, 4], undefined, 2);
    expect(map.y.length).toBe(2);
  });

  it('is non-decreasing whatever the data', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })), { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 5 }), (points, minBlock) => {
        const map = isotonic(points.map((p) => p[0]), points.map((p) => p[1]), undefined, minBlock);
        for (let i = 1; i < map.y.length; i++) expect(map.y[i]!).toBeGreaterThanOrEqual(map.y[i - 1]!);
      }),
    );
  });
});

describe('statistics', () => {
  it('computes Spearman with ties, MAE and bias', () => {
    expect(spearman([1, 2, 3], [10, 20, 30])).toBeCloseTo(1);
    expect(spearman([1, 2, 3], [30, 20, 10])).toBeCloseTo(-1);
    expect(meanAbsoluteError([1, 5], [2, 3])).toBe(1.5);
    expect(meanSignedError([1, 5], [2, 3])).toBe(0.5);
  });
});

describe('the committed scale', () => {
  it('maps coverage monotonically onto 0-100, for stages and overall', () => {
    for (const map of [SCALE.stage, SCALE.overall, ...Object.values(SCALE.stages ?? {})]) {
      let last = -Infinity;
      for (let x = 0; x <= 100; x += 0.5) {
        const y = applyMap(map, x);
        expect(y).toBeGreaterThanOrEqual(last);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(100);
        last = y;
      }
    }
  });

  it('never rewards a mistake', () => {
    for (const coverage of [10, 40, 70]) {
      expect(calibratedOverall(coverage, { major: 1, minor: 0 }, 'senior')).toBeLessThanOrEqual(calibratedOverall(coverage, { major: 0, minor: 0 }, 'senior'));
      expect(calibratedStage(coverage, 1, 'data')).toBeLessThanOrEqual(calibratedStage(coverage, 0, 'data'));
    }
  });

  it('orders levels: staff <= senior <= mid, for any coverage', () => {
    fc.assert(
      fc.property(fc.float({ min: 0, max: 100, noNaN: true }), fc.float({ min: 0, max: 100, noNaN: true }), fc.float({ min: 0, max: 100, noNaN: true }), (mid, senior, staff) => {
        const at = { mid, senior, staff };
        const scores = overallByLevel((level) => at[level], { major: 0, minor: 0 });
        expect(scores.staff).toBeLessThanOrEqual(scores.senior);
        expect(scores.senior).toBeLessThanOrEqual(scores.mid);
      }),
    );
  });
});

describe('levels on a real answer', () => {
  it('scores the same answer staff <= senior <= mid, and strictly lower for staff than mid', () => {
    const text = readFileSync(new URL('../fixtures/answers/ad-click-prediction.modest.md', import.meta.url), 'utf8');
    const [mid, senior, staff] = (['mid', 'senior', 'staff'] as const).map((level) => scoreBuiltin('ad-click-prediction', text, level).overall);
    expect(staff).toBeLessThanOrEqual(senior!);
    expect(senior).toBeLessThanOrEqual(mid!);
    expect(staff).toBeLessThan(mid!);
  });
});

describe('fitting', () => {
  // A synthetic corpus: graders' score rises with coverage; one mistake costs 15 points.
  const samples: ScaleSample[] = Array.from({ length: 24 }, (_, i) => {
    const coverage = 10 + 3 * i;
    const major = i % 5 === 0 ? 1 : 0;
    const stage = Object.fromEntries(STAGE_IDS.map((s) => [s, coverage])) as ScaleSample['stageCoverage'];
    const graded = Math.min(95, 20 + 1.2 * coverage) - 15 * major;
    return { id: `a${i}`, prompt: `p${i % 6}`, graded, gradedStages: { ...stage }, coverage, stageCoverage: stage, mistakes: { major, minor: 0, majorByStage: {} } };
  });

  it('recovers a mistake penalty near the one in the data, and cross-validates by prompt', () => {
    const fitted = fitScale(samples);
    expect(fitted.mistake.major).toBeGreaterThanOrEqual(9);
    expect(fitted.mistake.major).toBeLessThanOrEqual(21);
    const predictions = crossValidateByPrompt(samples);
    expect(predictions).toHaveLength(samples.length);
    expect(meanAbsoluteError(predictions.map((p) => p.overall), samples.map((s) => s.graded))).toBeLessThan(10);
  });
});
