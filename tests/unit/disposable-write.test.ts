import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeDisposableSync } from '../../src/files/atomic-sync.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlsd-disposable-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeDisposableSync (files/atomic-sync.ts): how caches are written', () => {
  it('creates the directories, writes the file 0600 and replaces an older one, leaving no temporary file', () => {
    const file = join(dir, 'a', 'b', 'cache.json');
    writeDisposableSync(file, 'first ✓', 0);
    expect(readFileSync(file, 'utf8')).toBe('first ✓');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    writeDisposableSync(file, 'second', 0);
    expect(readFileSync(file, 'utf8')).toBe('second');
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual(['cache.json']);
  });

  it('throws, writing nothing, when the disk would keep less than keepFree free or the directory cannot be made', () => {
    const file = join(dir, 'cache.json');
    expect(() => writeDisposableSync(file, 'x', Number.MAX_SAFE_INTEGER)).toThrow(/not enough room/);
    expect(readdirSync(dir)).toEqual([]);
    writeFileSync(join(dir, 'blocked'), 'a file where a directory would be');
    expect(() => writeDisposableSync(join(dir, 'blocked', 'cache.json'), 'x', 0)).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
    expect(readdirSync(dir)).toEqual(['blocked']);
  });
});
