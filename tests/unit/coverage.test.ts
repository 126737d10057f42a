import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerCoverage, stageCoverage } from '../../src/scoring/coverage.js';
import { STAGE_IDS, STAGES, TOTAL_MINUTES_45 } from '../../src/stages.js';

const item = fc.record({
  stage: fc.constantFrom(...STAGE_IDS),
  weight: fc.integer({ min: 1, max: 5 }),
  level: fc.constantFrom('core' as const, 'senior' as const, 'staff' as const),
  credit: fc.constantFrom(0, 0.2, 0.35, 0.45, 0.5, 0.85, 1),
});
const level = fc.constantFrom('mid' as const, 'senior' as const, 'staff' as const);

describe('answer coverage', () => {
  it('is exactly the stages\' coverage weighted by their minutes (one pass gives the same figure)', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 80 }), level, (items, at) => {
        const byStage = STAGES.reduce((sum, s) => sum + stageCoverage(items, s.id, at) * (s.minutes45 / TOTAL_MINUTES_45), 0);
        expect(answerCoverage(items, at)).toBe(byStage);
      }),
    );
  });

  it('is 0 without items and 100 with every item fully earned', () => {
    expect(answerCoverage([], 'senior')).toBe(0);
    const all = STAGE_IDS.map((stage) => ({ stage, weight: 2, level: 'core' as const, credit: 1 }));
    expect(answerCoverage(all, 'senior')).toBeCloseTo(100, 10);
  });
});
