import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bin, root, runMlsd } from '../helpers/cli.js';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-pipes-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

/** Runs mlsd with its stdout connected to a pipe whose reader is already gone (`| head -0`). */
function withClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, MLSD_HOME: home, MLSD_PROMPTS_PATH: '', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('a closed pipe (issue 13.12)', () => {
  const answer = join(root, 'tests', 'fixtures', 'e2e', 'answer.md');

  it('score --json | head ends quietly with exit 0', async () => {
    const r = await withClosedStdout(['score', answer, '--prompt', 'ad-click-prediction', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('review --format json | head ends quietly too', async () => {
    expect(runMlsd(home, ['score', answer, '--prompt', 'ad-click-prediction', '--save']).code).toBe(0);
    const r = await withClosedStdout(['review', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
