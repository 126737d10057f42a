import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';

// New-user tryout: `score` never laid out narrower than 50 columns, so in a 20- or 40-column terminal its lines
// hard-wrapped into a mess. Text views follow the terminal down to 30 columns.
const root = new URL('../..', import.meta.url).pathname;
const answers = join(root, 'tests', 'fixtures', 'answers');
const home = mkdtempSync(join(tmpdir(), 'mlsd-narrow-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** mlsd in process, its standard output a terminal `columns` wide, at a fixed clock. */
const run = (argv: string[], columns: number) => runInProcess(home, argv, { columns, now: () => new Date('2026-03-01T12:00:00Z') });

const widest = (text: string) => Math.max(...text.split('\n').map((l) => [...l].length));
const strong = readdirSync(answers).filter((f) => f.endsWith('.strong.md'))[0]!;
const weak = readdirSync(answers).filter((f) => f.endsWith('.weak.md'))[0]!;
const ids: string[] = [];

beforeAll(async () => {
  for (const file of [strong, weak]) {
    const r = await run(['score', join(answers, file), '--prompt', file.split('.')[0]!, '--save', '--json'], 80);
    ids.push((JSON.parse(r.stdout) as { session: string }).session);
  }
});

describe.each([40, 30])('text views on a %i-column terminal', (columns) => {
  it('score: every line fits, and the stage bars keep their scores', async () => {
    const r = await run(['score', join(answers, strong), '--prompt', strong.split('.')[0]!], columns);
    expect(r.code, r.stderr).toBe(0);
    expect(widest(r.stdout)).toBeLessThanOrEqual(columns);
    expect(r.stdout).toMatch(/^\s+[█░]{5,} +\d{1,3}( |$)/mu);
  });
  it.each([['review'], ['review', '--compare'], ['stats'], ['history'], ['prompts', 'list'], ['prompts', 'show', 'news-feed', '--full'], ['rubrics', 'show', 'framework', '--full']])('%s %s', async (...argv) => {
    const args = argv[0] === 'review' ? [...argv, ...(argv[1] ? ids : [ids[0]!])] : argv;
    const r = await run(args, columns);
    expect(r.code, r.stderr).toBe(0);
    expect(widest(r.stdout)).toBeLessThanOrEqual(columns);
  });
});
