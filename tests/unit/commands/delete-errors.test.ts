import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runInProcess } from '../../helpers/in-process.js';

// `rm` fails as on a read-only disk; everything else in node:fs/promises is the real one.
const failRm = { code: '' };
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...real,
    rm: async (...args: Parameters<typeof real.rm>) => {
      if (failRm.code) throw Object.assign(new Error(`${failRm.code}: read-only file system, unlink '${String(args[0])}'`), { code: failRm.code });
      return real.rm(...args);
    },
  };
});

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'mlsd-delete-'));
  failRm.code = '';
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('history delete on a read-only disk (tryout 5)', () => {
  it('says "read-only file system" in words, not EROFS, and exits 1', async () => {
    const saved = await runInProcess(home, ['score', '-', '--prompt', 'ad-click-prediction', '--save', '--json'], { input: 'We log impressions and clicks.\n' });
    const id = (JSON.parse(saved.stdout) as { session: string }).session;
    failRm.code = 'EROFS';
    const r = await runInProcess(home, ['history', 'delete', id, '--yes']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot delete .*\.json: read-only file system/);
    expect(r.stderr).not.toContain('EROFS');
  });
});
