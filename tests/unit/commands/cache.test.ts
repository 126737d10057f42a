import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runInProcess } from '../../helpers/in-process.js';

// The caches mlsd keeps between runs never change what a command says: run the commands around them.
const root = new URL('../../..', import.meta.url).pathname;
const answer = join(root, 'tests', 'fixtures', 'answers', 'ad-click-prediction.modest.md');

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-cache-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

function mlsd(args: string[], env: Record<string, string> = {}) {
  return runInProcess(home, args, { env });
}

interface Report {
  overall: number;
  stages: Array<{ id: string; score: number; items: Array<{ id: string; label: string; weight: number }> }>;
}
const score = async () => {
  const r = await mlsd(['score', answer, '--prompt', 'ad-click-prediction', '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Report;
};
const item = (report: Report, id: string) => report.stages.flatMap((s) => s.items).find((i) => i.id === id);

describe('the content cache', () => {

  it('takes a rubric edit into account at once, and survives a corrupt cache', async () => {
    const before = await score();
    const original = readFileSync(join(root, 'rubrics', 'ad-click-prediction.yaml'), 'utf8');
    mkdirSync(join(home, 'rubrics'), { recursive: true });
    const user = join(home, 'rubrics', 'ad-click-prediction.yaml');
    writeFileSync(user, original);
    expect(await score()).toEqual(before);
    // Edit the user's copy: the item is relabelled and weighs more, on the very next run.
    const edited = original.replace(/(- id: auction-use\n\s+stage: \w+\n\s+label: )[^\n]+/, '$1Edited label').replace(/(- id: auction-use[\s\S]*?weight: )\d+/, '$110');
    expect(edited).not.toBe(original);
    writeFileSync(user, edited);
    const after = await score();
    expect(item(after, 'auction-use')).toMatchObject({ label: 'Edited label', weight: 10 });
    expect(item(before, 'auction-use')!.weight).not.toBe(10);
    // A cache file cut in half is rebuilt, not trusted.
    const cache = join(home, 'cache', 'content.json');
    writeFileSync(cache, readFileSync(cache, 'utf8').slice(0, 5000));
    expect(await score()).toEqual(after);
  });
});
