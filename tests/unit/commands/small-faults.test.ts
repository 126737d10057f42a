import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessionDate } from '../../../src/ui/history.js';
import { root } from '../../helpers/cli.js';
import { runInProcess } from '../../helpers/in-process.js';

const fixtures = join(root, 'tests', 'fixtures', 'e2e');
const answers = join(root, 'tests', 'fixtures', 'answers');
let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-faults-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));
const mlsd = (args: string[], input?: string) => runInProcess(home, args, { input });
const save = async (file: string, prompt: string) => {
  const r = await mlsd(['score', file, '--prompt', prompt, '--save', '--json']);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { session: string }).session;
};

describe('small faults (issue 13.15)', () => {
  it('score - reads YAML from stdin as YAML (sniffed), and --format says how to read any file', async () => {
    const yaml = readFileSync(join(fixtures, 'answer.yaml'), 'utf8');
    const sniffed = await mlsd(['score', '-', '--prompt', 'ad-click-prediction', '--json'], yaml);
    expect(sniffed.code, sniffed.stderr).toBe(0);
    const fromFile = JSON.parse((await mlsd(['score', join(fixtures, 'answer.yaml'), '--prompt', 'ad-click-prediction', '--json'])).stdout) as { format: string; overall: number };
    expect(JSON.parse(sniffed.stdout)).toMatchObject({ format: 'yaml', overall: fromFile.overall });
    const markdown = await mlsd(['score', '-', '--prompt', 'ad-click-prediction', '--json'], readFileSync(join(fixtures, 'answer.md'), 'utf8'));
    expect((JSON.parse(markdown.stdout) as { format: string }).format).toBe('markdown');
    const asText = await mlsd(['score', join(fixtures, 'answer.yaml'), '--prompt', 'ad-click-prediction', '--format', 'text', '--json']);
    expect((JSON.parse(asText.stdout) as { format: string }).format).toBe('text');
    writeFileSync(join(home, 'answer.txt'), yaml);
    const forced = await mlsd(['score', join(home, 'answer.txt'), '--prompt', 'ad-click-prediction', '--format', 'yaml', '--json']);
    expect(JSON.parse(forced.stdout)).toMatchObject({ format: 'yaml', overall: fromFile.overall });
    expect((await mlsd(['score', '-', '--prompt', 'ad-click-prediction', '--format', 'docx'], yaml)).code).toBe(2);
  });

  it('review --out infers the format from the extension', async () => {
    await save(join(fixtures, 'answer.md'), 'ad-click-prediction');
    expect((await mlsd(['review', '--out', join(home, 'notes.md')])).code).toBe(0);
    expect(readFileSync(join(home, 'notes.md'), 'utf8')).toMatch(/^# Ad click prediction[^\n]*\n\nSession `/);
    expect((await mlsd(['review', '--out', join(home, 'review.json')])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(home, 'review.json'), 'utf8'))).toHaveProperty('overall');
    expect((await mlsd(['review', '--out', join(home, 'review.txt')])).code).toBe(0);
    expect(readFileSync(join(home, 'review.txt'), 'utf8')).toMatch(/^Session /);
    expect((await mlsd(['review', '--out', join(home, 'forced.md'), '--format', 'text'])).code).toBe(0);
    expect(readFileSync(join(home, 'forced.md'), 'utf8')).toMatch(/^Session /);
  });

  it('review --compare across two prompts says so and compares only the items both share', async () => {
    const a = await save(join(answers, 'ad-click-prediction.strong.md'), 'ad-click-prediction');
    const b = await save(join(answers, 'video-recommendation.strong.md'), 'video-recommendation');
    const r = await mlsd(['review', '--compare', a, b]);
    expect(r.code).toBe(0);
    // The note is wrapped to the width (80 in a pipe): read it with its line breaks as spaces.
    const text = r.stdout.replace(/\n\s+/g, ' ');
    expect(text).toMatch(/These sessions answer different prompts: scores are not like for like/);
    expect(text).toMatch(/\(\d+ prompt-specific items are left out\)/);
    const json = JSON.parse((await mlsd(['review', '--compare', a, b, '--format', 'json'])).stdout) as { samePrompt: boolean; lost: Array<{ id: string }>; notCompared: number };
    expect(json.samePrompt).toBe(false);
    expect(json.notCompared).toBeGreaterThan(0);
    expect(json.lost.map((l) => l.id)).not.toContain('calibration');
    // A session compared with itself is refused (new-user tryout): it can only be a mistake.
    const same = await mlsd(['review', '--compare', a, a, '--format', 'json']);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('--compare needs two different sessions');
  });

  it('history --prompt with no such prompt says so and exits 2; a real prompt with no sessions is fine', async () => {
    const r = await mlsd(['history', '--prompt', 'ad-clik-prediction']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown prompt "ad-clik-prediction". Did you mean "ad-click-prediction"?');
    const empty = await mlsd(['history', '--prompt', 'news-feed']);
    expect(empty.code).toBe(0);
    expect(empty.stdout).toContain('No sessions for "news-feed" yet.');
  });

  it('an invalid date never prints as NaN', async () => {
    expect(sessionDate('not a date')).toBe('unknown date');
    expect(sessionDate('2026-03-01T12:00:00.000Z')).toMatch(/^2026-03-0[12] \d\d:\d\d$/);
  });
});
