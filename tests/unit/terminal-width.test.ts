import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';

// New-user tryout: on an 80-column terminal no line of a text report runs past column 80 (JSON is not wrapped).
const root = new URL('../..', import.meta.url).pathname;
const answers = join(root, 'tests', 'fixtures', 'answers');
const home = mkdtempSync(join(tmpdir(), 'mlsd-width-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** mlsd in process, its standard output a terminal `columns` wide, at a fixed clock. */
const run = (argv: string[], columns = 80) => runInProcess(home, argv, { columns, now: () => new Date('2026-03-01T12:00:00Z') });

/** Columns of the widest line (code points; the views use no wide characters). */
const widest = (text: string) => Math.max(...text.split('\n').map((l) => [...l].length));

// Strong answers cover most items, so their report lines carry the longest notes ("(chosen, no reason given) (said under ...)").
const strong = readdirSync(answers).filter((f) => f.endsWith('.strong.md'));
const ids: string[] = [];

beforeAll(async () => {
  for (const file of strong.slice(0, 2)) {
    const r = await run(['score', join(answers, file), '--prompt', file.split('.')[0]!, '--save', '--json']);
    ids.push((JSON.parse(r.stdout) as { session: string }).session);
  }
});

describe('text output fits an 80-column terminal', () => {
  it.each(strong)('score %s', async (file) => {
    const r = await run(['score', join(answers, file), '--prompt', file.split('.')[0]!]);
    expect(r.code, r.stderr).toBe(0);
    expect(widest(r.stdout)).toBeLessThanOrEqual(80);
  });

  it('score of an answer with a long path (the "answer:" line cuts the path)', async () => {
    const dir = join(home, 'a-directory-with-a-rather-long-name-to-make-the-answer-path-longer-than-80-columns');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'answer.md');
    copyFileSync(join(answers, strong[0]!), file);
    const r = await run(['score', file, '--prompt', strong[0]!.split('.')[0]!]);
    expect(r.code, r.stderr).toBe(0);
    expect(widest(r.stdout)).toBeLessThanOrEqual(80);
  });

  it('review and review --compare', async () => {
    const review = await run(['review', ids[0]!]);
    expect(review.code, review.stderr).toBe(0);
    expect(widest(review.stdout)).toBeLessThanOrEqual(80);
    const compare = await run(['review', '--compare', ids[0]!, ids[1]!]);
    expect(compare.code, compare.stderr).toBe(0);
    expect(widest(compare.stdout)).toBeLessThanOrEqual(80);
  });

  it.each([
    ['prompts', 'list'],
    ['rubrics', 'list'],
    ['prompts', 'show', 'people-you-may-know', '--full'],
    ['rubrics', 'show', 'framework', '--full'],
    ['rubrics', 'show', 'ad-click-prediction'],
  ])('%s %s %s %s', async (...argv) => {
    const r = await run(argv);
    expect(r.code, r.stderr).toBe(0);
    expect(widest(r.stdout)).toBeLessThanOrEqual(80);
  });

  it('history hides the columns least needed, and says so', async () => {
    const r = await run(['history']);
    expect(r.code, r.stderr).toBe(0);
    expect(widest(r.stdout)).toBeLessThanOrEqual(80);
    expect(r.stdout).toMatch(/^id\s+date\s+prompt\s+kind\s+score\s+verdict$/m);
    expect(r.stdout).toContain('(level, time hidden to fit 80 columns; mlsd history --json has every field)');
    const wide = await run(['history'], 160);
    expect(wide.stdout).toMatch(/^id\s+date\s+prompt\s+level\s+kind\s+time\s+score\s+verdict$/m);
    expect(wide.stdout).not.toContain('hidden');
  });

  it('a wider terminal gets longer lines (the width is the terminal\'s, not a constant)', async () => {
    const r = await run(['prompts', 'list'], 160);
    expect(widest(r.stdout)).toBeGreaterThan(80);
  });
});
