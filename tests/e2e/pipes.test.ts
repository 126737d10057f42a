import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync } from 'node:fs';
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

  it('--version, which bin answers without the CLI, ends quietly too (tryout 7)', async () => {
    for (const flag of ['--version', '-V']) {
      const r = await withClosedStdout([flag]);
      expect(r.stderr, flag).toBe('');
      expect(r.code, flag).toBe(0);
    }
  });
});

describe('output to a full device (tryout 6)', () => {
  const answer = join(root, 'tests', 'fixtures', 'e2e', 'answer.md');

  it.runIf(existsSync('/dev/full'))('says so in one line and exits 1, never a stack trace, for every kind of output', async () => {
    for (const args of [['prompts', 'list'], ['--help'], ['--version'], ['-V'], ['history', '--json'], ['score', answer, '--prompt', 'ad-click-prediction', '--json']]) {
      // Twice: the first run of a command on a build takes the ES module bundle, the next the code-cached one.
      for (let run = 0; run < 2; run++) {
        const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
          const out = openSync('/dev/full', 'w');
          const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, MLSD_HOME: home, MLSD_PROMPTS_PATH: '', NO_COLOR: '1' }, stdio: ['ignore', out, 'pipe'] });
          closeSync(out);
          let stderr = '';
          child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
          child.on('close', (code) => resolve({ code, stderr }));
        });
        expect(r.stderr, args.join(' ')).toBe('mlsd: cannot write the output: no space left on the device\n');
        expect(r.code, args.join(' ')).toBe(1);
      }
    }
  });
});
