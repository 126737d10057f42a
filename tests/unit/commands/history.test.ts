import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sparkline } from '../../../src/ui/history.js';
import { runInProcess } from '../../helpers/in-process.js';

const root = new URL('../../..', import.meta.url).pathname;
const answers = join(root, 'tests', 'fixtures', 'answers');
let home: string;

function mlsd(args: string[]) {
  return runInProcess(home, args);
}

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-history-'));
  for (const quality of ['weak', 'modest', 'strong']) {
    expect((await mlsd(['score', join(answers, `ad-click-prediction.${quality}.md`), '--prompt', 'ad-click-prediction', '--save'])).code).toBe(0);
  }
  expect((await mlsd(['score', join(answers, 'video-recommendation.modest.md'), '--prompt', 'video-recommendation', '--save'])).code).toBe(0);
  writeFileSync(join(home, 'sessions', 'broken.json'), '{ not json');
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('mlsd history', () => {
  it('lists sessions newest first with a trend, skipping a corrupt file with a warning', async () => {
    const r = await mlsd(['history']);
    expect(r.code).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => /^[0-9a-z]{10,12}\s/.test(l));
    expect(rows).toHaveLength(4);
    expect(rows[0]).toContain('video-recommendation');
    expect(r.stdout).toMatch(/ad-click-prediction\s+▁\S+█\s+\d+/);
    expect(r.stderr).toMatch(/warning: skipped .*broken\.json: corrupt JSON/);
  });

  it('filters by prompt and prints JSON', async () => {
    const rows = JSON.parse((await mlsd(['history', '--prompt', 'ad-click-prediction', '--json'])).stdout) as Array<{ prompt: string; overall: number }>;
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.prompt === 'ad-click-prediction')).toBe(true);
    expect(rows[0]!.overall).toBeGreaterThan(rows[2]!.overall);
  });
});

describe('mlsd history --limit, --all and delete', () => {
  it('shows the latest N rows, says how many there are, and --all shows every one', async () => {
    const limited = await mlsd(['history', '--limit', '2']);
    expect(limited.code).toBe(0);
    expect(limited.stdout.split('\n').filter((l) => /^[0-9a-z]{10,16}\s/.test(l))).toHaveLength(2);
    expect(limited.stdout).toContain('Showing the latest 2 of 4 sessions');
    // The trend still covers every session, not only the rows shown.
    expect(limited.stdout).toMatch(/ad-click-prediction\s+▁\S+█\s+\d+/);
    expect(JSON.parse((await mlsd(['history', '--json', '-n', '3'])).stdout)).toHaveLength(3);
    expect(JSON.parse((await mlsd(['history', '--json', '--all'])).stdout)).toHaveLength(4);
    expect((await mlsd(['history', '--limit', '0'])).code).toBe(2);
  });

});

describe('mlsd review', () => {
  it('shows the last session with answers, feedback and the outline', async () => {
    const r = await mlsd(['review']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Video recommendations on the homepage');
    expect(r.stdout).toMatch(/Overall\s+\d+\/100/);
    expect(r.stdout).toContain('Reference outline');
  });

  it('exports Markdown and JSON, by id prefix, to a file', async () => {
    const [first] = JSON.parse((await mlsd(['history', '--json'])).stdout) as Array<{ id: string }>;
    const out = join(home, 'review.md');
    const md = await mlsd(['review', first!.id.slice(0, 9), '--format', 'md', '--out', out]);
    expect(md.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/^# Video recommendations on the homepage/);
    expect(text).toContain('## Reference outline');
    const json = JSON.parse((await mlsd(['review', first!.id, '--format', 'json'])).stdout) as { session: { id: string }; answers: { sections: Record<string, string> }; stages: unknown[] };
    expect(json.session.id).toBe(first!.id);
    expect(json.stages).toHaveLength(7);
    expect(Object.keys(json.answers.sections).length).toBeGreaterThan(3);
  });

  it('explains an unknown session id', async () => {
    const r = await mlsd(['review', 'zzzz']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no session "zzzz"');
  });
});

describe('mlsd stats and review --compare', () => {
  it('shows averages per stage and the items missed most', async () => {
    const r = await mlsd(['stats']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('4 sessions, 4 scored');
    expect(r.stdout).toContain('Items you miss most');
    const json = JSON.parse((await mlsd(['stats', '--json'])).stdout) as { scored: number; stages: unknown[]; missed: Array<{ missed: number }> };
    expect(json.scored).toBe(4);
    expect(json.stages).toHaveLength(7);
    expect(json.missed.length).toBeLessThanOrEqual(10);
    expect(json.missed[0]!.missed).toBeGreaterThanOrEqual(json.missed.at(-1)!.missed);
  });

  it('compares two attempts stage by stage, with items gained', async () => {
    const rows = JSON.parse((await mlsd(['history', '--prompt', 'ad-click-prediction', '--json'])).stdout) as Array<{ id: string }>;
    const r = await mlsd(['review', '--compare', rows[2]!.id, rows[0]!.id, '--format', 'json']);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout) as { overall: { delta: number }; gained: Array<{ id: string }>; stages: unknown[] };
    expect(c.overall.delta).toBeGreaterThan(40);
    expect(c.gained.map((g) => g.id)).toContain('baseline');
    expect(c.stages).toHaveLength(7);
    expect((await mlsd(['review', '--compare', rows[0]!.id])).code).toBe(2);
  });
});

describe('sparkline', () => {
  it('draws 0..100 from the lowest to the highest block', async () => {
    expect(sparkline([0, 50, 100])).toBe('▁▅█');
  });
});
