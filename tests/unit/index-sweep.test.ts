import { describe, expect, it } from 'vitest';
import { positionsToCheck } from '../../src/store/index-cache.js';

/** The positions a run checks, as one pass over every row found them before positionsToCheck (index-cache.ts). */
function onePass(count: number, from: number, end: number, recent: number): number[] {
  const out: number[] = [];
  for (let position = 0; position < count; position++) {
    if (position >= count - recent || (position >= from && position < end) || position < end - count) out.push(position);
  }
  return out;
}

const expand = (ranges: Array<[number, number]>) => ranges.flatMap(([start, stop]) => Array.from({ length: stop - start }, (_, i) => start + i));

describe('positionsToCheck', () => {
  it('gives the positions one pass over every row would, in the same ascending order, for every share, start and recent count', () => {
    let cases = 0;
    for (let count = 1; count <= 24; count++) {
      for (let share = 1; share < count; share++) {
        for (let from = 0; from < count; from++) {
          for (const recent of [0, 1, 3, count - 1, count, count + 5]) {
            const end = from + share;
            expect(expand(positionsToCheck(count, from, end, recent)), `count ${count} from ${from} share ${share} recent ${recent}`).toEqual(onePass(count, from, end, recent));
            cases++;
          }
        }
      }
    }
    expect(cases).toBeGreaterThan(10_000);
  });

  it('returns ranges that do not overlap or touch, so no position is listed twice', () => {
    const ranges = positionsToCheck(100, 95, 110, 20);
    expect(ranges).toEqual([[0, 10], [80, 100]]);
  });
});
