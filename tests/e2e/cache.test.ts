import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheText } from '../../src/files/content-cache.js';

// The caches mlsd keeps between runs never change what a command says: run the built CLI around them.
const root = new URL('../..', import.meta.url).pathname;
const bin = join(root, 'bin', 'mlsd.cjs');
const answer = join(root, 'tests', 'fixtures', 'answers', 'ad-click-prediction.modest.md');

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-cache-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

function mlsd(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { env: { ...process.env, MLSD_HOME: home, MLSD_PROMPTS_PATH: '', NO_COLOR: '1', ...env }, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Report {
  overall: number;
  stages: Array<{ id: string; score: number; items: Array<{ id: string; label: string; weight: number; status: string }> }>;
}
const score = () => {
  const r = mlsd(['score', answer, '--prompt', 'ad-click-prediction', '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Report;
};

const item = (report: Report, id: string) => report.stages.flatMap((s) => s.items).find((i) => i.id === id);

/** A user copy of a rubric ad-click-prediction does not use: the content is no longer the shipped content alone, so the prompt's compiled form is cached in the home. */
function addUserRubric(): void {
  mkdirSync(join(home, 'rubrics'), { recursive: true });
  writeFileSync(join(home, 'rubrics', 'video-search.yaml'), readFileSync(join(root, 'rubrics', 'video-search.yaml')));
}

describe('the content cache', () => {
  it('scores the same from the shipped content, the cache and the YAML itself', () => {
    const first = score(); // no cache yet: the pre-parsed built-in content
    const again = score(); // from the cache
    const uncached = JSON.parse(mlsd(['score', answer, '--prompt', 'ad-click-prediction', '--json'], { MLSD_NO_CACHE: '1' }).stdout) as Report;
    expect(again).toEqual(first);
    expect(uncached).toEqual(first);
  });

  it('is stamped with the build that wrote it, and a cache from another build is rebuilt, not served', () => {
    const first = score();
    const cacheFile = join(home, 'cache', 'content.json');
    const [headerLine, ...rest] = readFileSync(cacheFile, 'utf8').split('\n');
    const header = JSON.parse(headerLine!) as { version: string; key: string };
    const bundle = join(root, 'dist', 'bundle');
    const build = readdirSync(bundle).flatMap((f) => readFileSync(join(bundle, f), 'utf8').match(/\b[0-9a-f]{64}\b/g) ?? []);
    expect(header.version).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{16}$/);
    expect(build.some((id) => id.startsWith(header.version.split('+')[1]!))).toBe(true);
    // The same cache as another build of the same version wrote it (its stamp and key differ): rebuilt.
    const other = { ...header, version: header.version.replace(/\+.*/, '+0000000000000000') };
    writeFileSync(cacheFile, [JSON.stringify(other), ...rest].join('\n'));
    expect(score()).toEqual(first);
    expect(JSON.parse(readFileSync(cacheFile, 'utf8').split('\n')[0]!)).toMatchObject({ version: header.version });
  });

  it('keeps the compiled scoring form of the rubrics, and recompiles it when a phrase, the content or the file changes', () => {
    const before = score();
    const compiled = join(home, 'cache', 'compiled', 'ad-click-prediction.json');
    // The built-in content alone: its compiled form is the one shipped with it, read in place, never copied.
    expect(score()).toEqual(before);
    expect(existsSync(compiled)).toBe(false);
    addUserRubric();
    expect(score()).toEqual(before);
    expect(readFileSync(compiled, 'utf8')).toContain('"new ads"');
    expect(score()).toEqual(before); // from the compiled cache
    expect(item(before, 'new-ad-cold-start')).toMatchObject({ status: 'covered' });
    // A user copy of the rubric whose item has only a phrase the answer never says: missed at once.
    const original = readFileSync(join(root, 'rubrics', 'ad-click-prediction.yaml'), 'utf8');
    const edited = original.replace(/(- id: new-ad-cold-start\n(?:\s+\w+: [^\n]+\n)+?\s+phrases:\n)(?: {6}- [^\n]+\n)+/, '$1      - zebra crossing quota\n');
    expect(edited).not.toBe(original);
    writeFileSync(join(home, 'rubrics', 'ad-click-prediction.yaml'), edited);
    const after = score();
    expect(item(after, 'new-ad-cold-start')).toMatchObject({ status: 'missed' });
    expect(readFileSync(compiled, 'utf8')).toContain('zebra crossing quota');
    // A compiled file cut short, or edited, is recompiled, never trusted.
    for (const damage of [(t: string) => t.slice(0, 2000), (t: string) => t.replace('"zebra"', '"new ads"')]) {
      writeFileSync(compiled, damage(readFileSync(compiled, 'utf8')));
      expect(score()).toEqual(after);
    }
    rmSync(join(home, 'rubrics'), { recursive: true });
    expect(score()).toEqual(before);
  });

  it('serves a first run from the shipped content and its shipped compiled form, and checks both on every run', () => {
    // A copy of the package, so its shipped files can be damaged.
    const copy = join(home, 'pkg');
    mkdirSync(copy);
    for (const dir of ['bin', 'dist']) cpSync(join(root, dir), join(copy, dir), { recursive: true });
    cpSync(join(root, 'package.json'), join(copy, 'package.json'));
    for (const dir of ['prompts', 'rubrics', 'schemas', 'node_modules']) symlinkSync(join(root, dir), join(copy, dir));
    const run = () => {
      const r = spawnSync(process.execPath, [join(copy, 'bin', 'mlsd.cjs'), 'score', answer, '--prompt', 'ad-click-prediction', '--json'], { env: { ...process.env, MLSD_HOME: home, MLSD_PROMPTS_PATH: '', NO_COLOR: '1' }, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as Report;
    };
    const expected = score();
    rmSync(join(home, 'cache'), { recursive: true });
    expect(run()).toEqual(expected);
    const header = JSON.parse(readFileSync(join(home, 'cache', 'content.json'), 'utf8').split('\n')[0]!) as { shipped?: string };
    expect(header.shipped).toMatch(/^[0-9a-f]{16}$/);
    const compiled = join(home, 'cache', 'compiled', 'ad-click-prediction.json');
    expect(existsSync(compiled)).toBe(false);
    // The shipped compiled form edited: not trusted; the rubrics are compiled, and that form cached in the home.
    const shippedCompiled = join(copy, 'dist', 'content', 'compiled', 'ad-click-prediction.json');
    writeFileSync(shippedCompiled, readFileSync(shippedCompiled, 'utf8').replace('"new ads"', '"old ads"'));
    expect(run()).toEqual(expected);
    expect(readFileSync(compiled, 'utf8')).toContain('"new ads"');
    expect(run()).toEqual(expected);
  });

  it('rewrites a compiled file of the format before (phrases as lists, no stems), or one whose stems or phrases are of the wrong shape under a right checksum', () => {
    addUserRubric();
    const before = score();
    const compiled = join(home, 'cache', 'compiled', 'ad-click-prediction.json');
    const written = readFileSync(compiled, 'utf8');
    const cut = written.indexOf('\n');
    const header = JSON.parse(written.slice(0, cut)) as { cache: string; format: number; version: string; key: string };
    expect(header.format).toBe(3);
    const body = JSON.parse(written.slice(cut + 1)) as { prompt: string; phrases: Array<{ text: string; tokens: Array<{ raw: string; stem: string }>; joins: unknown[] }>; stems: unknown[]; vocabulary: unknown };
    const kind = { cache: header.cache, format: header.format };
    const format2 = { prompt: body.prompt, phrases: body.phrases.map((p) => [p.text, p.tokens.map((t) => t.raw), p.tokens.map((t) => t.stem), '-'.repeat(p.tokens.length), p.joins, null]), vocabulary: body.vocabulary };
    const stale = [
      cacheText({ ...kind, format: 2 }, header.key, header.version, JSON.stringify(format2)),
      cacheText(kind, header.key, header.version, JSON.stringify(format2)),
      cacheText(kind, header.key, header.version, JSON.stringify({ ...body, stems: [['model']] })),
      cacheText(kind, header.key, header.version, JSON.stringify({ ...body, phrases: [{ ...body.phrases[0], tokens: [] }] })),
    ];
    for (const text of stale) {
      writeFileSync(compiled, text);
      expect(score()).toEqual(before);
      expect(readFileSync(compiled, 'utf8')).toBe(written);
    }
  });
});
