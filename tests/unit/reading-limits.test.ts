import { describe, expect, it } from 'vitest';
import { analyze, MAX_READ_CHARS } from '../../src/reading/claims.js';
import { parseAnswers } from '../../src/reading/sections.js';

// Issue 13, items 4 and 13: every pattern run on answer text is linear, and a huge answer is capped
// with a notice instead of crashing.

/** CPU milliseconds to read a text as `mlsd score` does (file split, then each stage's claims); best of three. */
function cost(text: string): number {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const start = process.cpuUsage();
    const parsed = parseAnswers(text, 'a.md');
    for (const section of [...Object.values(parsed.answers.sections), parsed.answers.general]) analyze(section ?? '');
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

const SHAPES: Record<string, (size: number) => string> = {
  'a long run of spaces': (n) => `a${' '.repeat(n)}b`,
  'a long heading line': (n) => `## ${'model '.repeat(n / 6)}`,
  'open brackets': (n) => '[a '.repeat(n / 3),
  'HTML comment openers': (n) => '<!--'.repeat(n / 4),
  'bold markers': (n) => `${'**'.repeat(n / 2)}x`,
  'underscores': (n) => `${'_'.repeat(n)}x`,
  'anchor tags': (n) => '<a '.repeat(n / 3),
  'note forms': (n) => 'a = b -> c: d '.repeat(n / 14),
};

describe('reading time grows linearly with the text', () => {
  // 16 times the text may cost at most 64 times the time (16^1.5): a quadratic pattern costs 256 times.
  // The small size (4,000 characters) is large enough that fixed costs do not dominate. CPU time on a
  // shared machine jumps (a GC, another process's cache traffic), so the ratio is taken up to three times
  // and the best counts: a quadratic pattern is over the limit every time, noise only now and then.
  it.each(Object.keys(SHAPES))('%s', (name) => {
    const make = SHAPES[name]!;
    cost(make(2_000)); // warm up the parser and caches
    const ratios: string[] = [];
    let best = Infinity;
    for (let attempt = 0; attempt < 3 && best >= 64; attempt++) {
      const small = Math.max(cost(make(4_000)), 0.25);
      const large = cost(make(64_000));
      best = Math.min(best, large / small);
      ratios.push(`${small.toFixed(1)} ms -> ${large.toFixed(1)} ms`);
    }
    expect(best, ratios.join('; ')).toBeLessThan(64);
  });
});

describe('very long answers', () => {
  it('reads a paragraph of 120,000 words without crashing, capped with a notice', () => {
    const text = 'we monitor drift daily and retrain weekly '.repeat(17_200);
    const parsed = parseAnswers(text, 'a.md');
    expect(parsed.issues).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringContaining('are scored') })]);
    const analysis = analyze(parsed.answers.general ?? '');
    expect(analysis.tokens.length).toBeGreaterThan(10_000);
  });

  it('reads 5 MB without punctuation or spaces', () => {
    const parsed = parseAnswers('x'.repeat(5_000_000), 'a.txt');
    expect(parsed.issues.map((i) => i.severity)).toEqual(['warning']);
    expect((parsed.answers.general ?? '').length).toBeLessThanOrEqual(MAX_READ_CHARS);
    expect(analyze(parsed.answers.general ?? '').tokens.length).toBe(1);
  });
});
