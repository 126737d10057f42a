import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli.js';
import type { Io } from '../../../src/commands/command-io.js';
import type { WriteFn } from '../../../src/files/atomic.js';

// Commands run in-process through the Io seam, with a disk that fills up when a session is saved.
const root = new URL('../../..', import.meta.url).pathname;
let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-faults-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const fullDisk: WriteFn = async () => {
  throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
};

function io(writeFile?: WriteFn) {
  const out = { stdout: '', stderr: '' };
  const value: Io = {
    stdout: { write: (s: string) => (out.stdout += s) },
    stderr: { write: (s: string) => (out.stderr += s) },
    env: { MLSD_HOME: home, MLSD_PROMPTS_PATH: '', NO_COLOR: '1', MLSD_NO_CACHE: '1' },
    now: () => new Date('2026-03-01T12:00:00Z'),
    random: Math.random,
    writeFile,
  };
  return { io: value, out };
}

describe('score --save on a full disk (issue 13.7)', () => {
  const answer = join(root, 'tests', 'fixtures', 'e2e', 'answer.md');

  it('prints the report, then says the session was not saved and why, and exits 1', async () => {
    const { io: fake, out } = io(fullDisk);
    const code = await main(['score', answer, '--prompt', 'ad-click-prediction', '--save'], fake);
    expect(code).toBe(1);
    expect(out.stdout).toMatch(/^Ad click prediction/);
    expect(out.stdout).toContain('Overall');
    expect(out.stderr).toMatch(/mlsd: the report above was not saved: cannot write .*sessions\/[0-9a-z]{12}\.json: no space left on the device\n$/);
    expect(out.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(readdirSync(join(home, 'sessions'))).toEqual([]);
  });

  it('the JSON report is printed too, without a session id', async () => {
    const { io: fake, out } = io(fullDisk);
    expect(await main(['score', answer, '--prompt', 'ad-click-prediction', '--save', '--json'], fake)).toBe(1);
    const report = JSON.parse(out.stdout) as { overall: number; session?: string };
    expect(report.overall).toBeGreaterThan(0);
    expect(report.session).toBeUndefined();
  });

  it('saves and names the session when the disk has room', async () => {
    const { io: fake, out } = io();
    expect(await main(['score', answer, '--prompt', 'ad-click-prediction', '--save', '--json'], fake)).toBe(0);
    const report = JSON.parse(out.stdout) as { session: string };
    expect(readdirSync(join(home, 'sessions'))).toEqual([`${report.session}.json`]);
  });
});
