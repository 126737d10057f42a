import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// The caches mlsd keeps between runs never change what a command says: run the built CLI around them.
const root = new URL('../..', import.meta.url).pathname;
const bin = join(root, 'bin', 'mlsd.js');
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
  stages: Array<{ id: string; score: number; items: Array<{ id: string; label: string; weight: number }> }>;
}
const score = () => {
  const r = mlsd(['score', answer, '--prompt', 'ad-click-prediction', '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Report;
};

describe('the content cache', () => {
  it('scores the same from the shipped content, the cache and the YAML itself', () => {
    const first = score(); // no cache yet: the pre-parsed built-in content
    const again = score(); // from the cache
    const uncached = JSON.parse(mlsd(['score', answer, '--prompt', 'ad-click-prediction', '--json'], { MLSD_NO_CACHE: '1' }).stdout) as Report;
    expect(again).toEqual(first);
    expect(uncached).toEqual(first);
  });

});
