import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDirs, makeDirsSync } from '../../src/files/make-dirs.js';

let base: string;
beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'mlsd-dirs-'));
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

describe('makeDirs and makeDirsSync (mkdir -p without Node recursive mkdir)', () => {
  for (const [name, make] of [['sync', async (d: string) => makeDirsSync(d)], ['async', makeDirs]] as const) {
    it(`${name}: makes every missing part, accepts what exists, and refuses a file in the way with ENOTDIR`, async () => {
      const deep = join(base, 'a', 'b', 'c');
      await make(deep);
      expect(statSync(deep).isDirectory()).toBe(true);
      await make(deep);
      await make(base);
      writeFileSync(join(base, 'file'), 'x');
      await expect(make(join(base, 'file', 'd'))).rejects.toMatchObject({ code: 'ENOTDIR' });
      await expect(make(join(base, 'file'))).rejects.toMatchObject({ code: 'ENOTDIR' });
    });
  }
});
