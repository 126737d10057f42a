import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const bin = join(root, 'bin', 'mlsd.cjs');
const answers = join(root, 'tests', 'fixtures', 'answers');
let home: string;

function mlsd(args: string[]) {
  const env: Record<string, string | undefined> = { ...process.env, MLSD_HOME: home, MLSD_PROMPTS_PATH: '', NO_COLOR: '1' };
  const r = spawnSync(process.execPath, [bin, ...args], { env: env as NodeJS.ProcessEnv, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// history, review and stats are tested in-process (tests/unit/commands/history.test.ts); deleting asks on a
// terminal, so it is tested here, as a process whose standard input is not one.
beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-history-'));
  expect(mlsd(['score', join(answers, 'video-recommendation.modest.md'), '--prompt', 'video-recommendation', '--save']).code).toBe(0);
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('mlsd history delete', () => {
  it('deletes a session only with a confirmation or --yes', () => {
    const extra = mlsd(['score', join(answers, 'ad-click-prediction.weak.md'), '--prompt', 'ad-click-prediction', '--save', '--json']);
    const id = (JSON.parse(extra.stdout) as { session: string }).session;
    const before = JSON.parse(mlsd(['history', '--json', '--all']).stdout) as Array<{ id: string }>;
    expect(before.map((s) => s.id)).toContain(id);
    // Not a terminal and no --yes: nothing is deleted.
    const refused = mlsd(['history', 'delete', id]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--yes');
    expect((JSON.parse(mlsd(['history', '--json', '--all']).stdout) as unknown[]).length).toBe(before.length);
    expect(mlsd(['history', 'delete', 'no-such-session', '--yes']).code).toBe(2);
    const deleted = mlsd(['history', 'delete', id, '--yes']);
    expect(deleted.code).toBe(0);
    expect(deleted.stdout).toContain(`Deleted session ${id}`);
    const after = JSON.parse(mlsd(['history', '--json', '--all']).stdout) as Array<{ id: string }>;
    expect(after.map((s) => s.id)).not.toContain(id);
    expect(after).toHaveLength(before.length - 1);
  });
});

