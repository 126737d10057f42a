import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessionDate } from '../../src/ui/history.js';
import { root, runMlsd } from '../helpers/cli.js';

const fixtures = join(root, 'tests', 'fixtures', 'e2e');
const answers = join(root, 'tests', 'fixtures', 'answers');
let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-faults-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));
const mlsd = (args: string[], input?: string) => runMlsd(home, args, { input });
const save = (file: string, prompt: string) => {
  const r = mlsd(['score', file, '--prompt', prompt, '--save', '--json']);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { session: string }).session;
};

describe('small faults (issue 13.15)', () => {
  it('score - reads YAML from stdin as YAML (sniffed), and --format says how to read any file', () => {
    const yaml = readFileSync(join(fixtures, 'answer.yaml'), 'utf8');
    const sniffed = mlsd(['score', '-', '--prompt', 'ad-click-prediction', '--json'], yaml);
    expect(sniffed.code, sniffed.stderr).toBe(0);
    const fromFile = JSON.parse(mlsd(['score', join(fixtures, 'answer.yaml'), '--prompt', 'ad-click-prediction', '--json']).stdout) as { format: string; overall: number };
    expect(JSON.parse(sniffed.stdout)).toMatchObject({ format: 'yaml', overall: fromFile.overall });
    const markdown = mlsd(['score', '-', '--prompt', 'ad-click-prediction', '--json'], readFileSync(join(fixtures, 'answer.md'), 'utf8'));
    expect((JSON.parse(markdown.stdout) as { format: string }).format).toBe('markdown');
    const asText = mlsd(['score', join(fixtures, 'answer.yaml'), '--prompt', 'ad-click-prediction', '--format', 'text', '--json']);
    expect((JSON.parse(asText.stdout) as { format: string }).format).toBe('text');
    writeFileSync(join(home, 'answer.txt'), yaml);
    const forced = mlsd(['score', join(home, 'answer.txt'), '--prompt', 'ad-click-prediction', '--format', 'yaml', '--json']);
    expect(JSON.parse(forced.stdout)).toMatchObject({ format: 'yaml', overall: fromFile.overall });
    expect(mlsd(['score', '-', '--prompt', 'ad-click-prediction', '--format', 'docx'], yaml).code).toBe(2);
  });

  it('review --out infers the format from the extension', () => {
    save(join(fixtures, 'answer.md'), 'ad-click-prediction');
    expect(mlsd(['review', '--out', join(home, 'notes.md')]).code).toBe(0);
    expect(readFileSync(join(home, 'notes.md'), 'utf8')).toMatch(/^# Ad click prediction[^\n]*\n\nSession `/);
    expect(mlsd(['review', '--out', join(home, 'review.json')]).code).toBe(0);
    expect(JSON.parse(readFileSync(join(home, 'review.json'), 'utf8'))).toHaveProperty('overall');
    expect(mlsd(['review', '--out', join(home, 'review.txt')]).code).toBe(0);
    expect(readFileSync(join(home, 'review.txt'), 'utf8')).toMatch(/^Session /);
    expect(mlsd(['review', '--out', join(home, 'forced.md'), '--format', 'text']).code).toBe(0);
    expect(readFileSync(join(home, 'forced.md'), 'utf8')).toMatch(/^Session /);
  });

  it('review --compare across two prompts says so and compares only the items both share', () => {
    const a = save(join(answers, 'ad-click-prediction.strong.md'), 'ad-click-prediction');
    const b = save(join(answers, 'video-recommendation.strong.md'), 'video-recommendation');
    const r = mlsd(['review', '--compare', a, b]);
    expect(r.code).toBe(0);
    // The note is wrapped to the width (80 in a pipe): read it with its line breaks as spaces.
    const text = r.stdout.replace(/\n\s+/g, ' ');
    expect(text).toMatch(/These sessions answer different prompts: scores are not like for like/);
    expect(text).toMatch(/\(\d+ prompt-specific items are left out\)/);
    const json = JSON.parse(mlsd(['review', '--compare', a, b, '--format', 'json']).stdout) as { samePrompt: boolean; lost: Array<{ id: string }>; notCompared: number };
    expect(json.samePrompt).toBe(false);
    expect(json.notCompared).toBeGreaterThan(0);
    expect(json.lost.map((l) => l.id)).not.toContain('calibration');
    // A session compared with itself is refused (new-user tryout): it can only be a mistake.
    const same = mlsd(['review', '--compare', a, a, '--format', 'json']);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('--compare needs two different sessions');
  });

  it('prompts validate <file> inside the prompt directory lists each error once', () => {
    mkdirSync(join(home, 'prompts'));
    writeFileSync(join(home, 'prompts', 'broken.yaml'), 'id: broken\ntitle: Broken\ndifficulty: impossible\n');
    const r = runMlsd(home, ['prompts', 'validate', 'prompts/broken.yaml'], { cwd: home });
    expect(r.code).toBe(1);
    const difficulty = r.stdout.split('\n').filter((l) => l.includes('difficulty'));
    expect(difficulty).toHaveLength(1);
    expect(difficulty[0]).toMatch(/^prompts\/broken\.yaml:3:13 difficulty: /);
    const absolute = runMlsd(home, ['prompts', 'validate', join(home, 'prompts', 'broken.yaml')]);
    expect(absolute.stdout.split('\n').filter((l) => l.includes('difficulty'))).toHaveLength(1);
    expect(absolute.stdout).toContain('1 file checked (1 prompt, 0 rubrics): 4 errors');
  });

  it('history --prompt with no such prompt says so and exits 2; a real prompt with no sessions is fine', () => {
    const r = mlsd(['history', '--prompt', 'ad-clik-prediction']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown prompt "ad-clik-prediction". Did you mean "ad-click-prediction"?');
    const empty = mlsd(['history', '--prompt', 'news-feed']);
    expect(empty.code).toBe(0);
    expect(empty.stdout).toContain('No sessions for "news-feed" yet.');
  });

  it('an invalid date never prints as NaN', () => {
    expect(sessionDate('not a date')).toBe('unknown date');
    expect(sessionDate('2026-03-01T12:00:00.000Z')).toMatch(/^2026-03-0[12] \d\d:\d\d$/);
  });
});
