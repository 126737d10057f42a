import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CACHED_COMMANDS, codeCacheFile, firstSight, loadCli, loadWithCodeCache } from '../../src/files/code-cache.js';

const BUILD = 'ab'.repeat(32);

let temp: string;
beforeEach(() => {
  temp = mkdtempSync(join(tmpdir(), 'mlsd-code-cache-'));
});
afterEach(() => rmSync(temp, { recursive: true, force: true }));

/**
 * A small CommonJS bundle as the build splits one: an entry (cli.cjs) whose exports show that it ran, with
 * the module's own require and paths, and a file it requires (`./part-x.cjs`, which requires the entry back
 * while it loads, as split files do), plus one it requires only when asked (`./late-x.cjs`).
 */
function bundle(answer: number): string {
  const file = join(temp, 'cli.cjs');
  const body = Array.from({ length: 50 }, (_, i) => `function f${i}(x) { return x + ${i}; }`).join('\n');
  writeFileSync(
    file,
    `'use strict';\n${body}\nconst path = require('node:path');\nexports.f0 = f0;\nconst part = require('./part-x.cjs');\nexports.answer = () => part.twice(f0(${answer})) / 2;\n` +
      `exports.where = path.basename(__filename) + ' ' + path.basename(__dirname);\nexports.late = () => require('./late-x.cjs').late;\nmodule.exports.arrow = '\\u2192';\n`,
  );
  writeFileSync(join(temp, 'part-x.cjs'), `'use strict';\nconst cli = require('./cli.cjs');\nexports.twice = (x) => cli.f0(x) * 2;\nexports.where = require('node:path').basename(__filename);\n`);
  writeFileSync(join(temp, 'late-x.cjs'), `'use strict';\nexports.late = 'late ' + (require('./part-x.cjs') === require('./part-x.cjs'));\n`);
  return file;
}

/** The names of the files a cache holds data for, in its header. */
function cachedNames(cache: string): string[] {
  const bytes = readFileSync(cache);
  return (JSON.parse(bytes.toString('latin1', 0, bytes.indexOf(10))) as { chunks: Array<{ name: string }> }).chunks.map((c) => c.name);
}

describe('the code cache of the CommonJS bundle (files/code-cache.ts)', () => {
  it('runs the bundle as require would, each file once, writes the cache once it has run, and uses it the next time', () => {
    const file = bundle(42);
    const cache = codeCacheFile(join(temp, 'cache'), 'score', BUILD);
    const first = loadWithCodeCache(file, cache);
    expect(first.cached).toBe(false);
    expect((first.exports.answer as () => number)()).toBe(42);
    expect(first.exports.where).toBe(`cli.cjs ${temp.split('/').pop()}`);
    expect(first.exports.arrow).toBe('\u2192');
    first.saveCache();
    expect(cachedNames(cache)).toEqual(['cli.cjs', 'part-x.cjs']);
    const second = loadWithCodeCache(file, cache);
    expect(second.cached).toBe(true);
    expect((second.exports.answer as () => number)()).toBe(42);
    // A file not in the cache (a command's rarer path) is compiled without it, and the cache written anew with it.
    expect((second.exports.late as () => string)()).toBe('late true');
    expect(second.cached).toBe(false);
    second.saveCache();
    expect(cachedNames(cache)).toEqual(['cli.cjs', 'part-x.cjs', 'late-x.cjs']);
    const third = loadWithCodeCache(file, cache);
    expect((third.exports.late as () => string)()).toBe('late true');
    expect(third.cached).toBe(true);
    const before = readFileSync(cache);
    third.saveCache(); // nothing to add: not written again
    expect(readFileSync(cache).equals(before)).toBe(true);
  });

  it('throws what a file of the bundle throws while loading, and loads it again when required again', () => {
    const file = bundle(1);
    writeFileSync(join(temp, 'late-x.cjs'), `'use strict';\nglobalThis.lateTries = (globalThis.lateTries ?? 0) + 1;\nif (globalThis.lateTries === 1) throw new Error('late failed');\nexports.late = 'late';\n`);
    const loaded = loadWithCodeCache(file, null);
    expect(() => (loaded.exports.late as () => string)()).toThrow('late failed');
    expect((loaded.exports.late as () => string)()).toBe('late');
    delete (globalThis as { lateTries?: number }).lateTries;
  });

  it('requires node\'s own modules through the require it is given, and the bundle\'s files itself', () => {
    const file = bundle(5);
    const asked: string[] = [];
    const own = createRequire(import.meta.url);
    const lent = Object.assign((id: string): unknown => {
      asked.push(id);
      return own(id) as unknown;
    }, { resolve: own.resolve, cache: own.cache, main: own.main, extensions: own.extensions });
    const loaded = loadWithCodeCache(file, null, lent);
    expect((loaded.exports.answer as () => number)()).toBe(5);
    expect(loaded.exports.where).toBe(`cli.cjs ${temp.split('/').pop()}`);
    expect(asked).toEqual(['node:path', 'node:path']);
  });

  it('reads and writes nothing without a cache file', () => {
    const file = bundle(3);
    const loaded = loadWithCodeCache(file, null);
    expect((loaded.exports.answer as () => number)()).toBe(3);
    expect(loaded.cached).toBe(false);
    loaded.saveCache();
    expect(readdirSync(temp).sort()).toEqual(['cli.cjs', 'late-x.cjs', 'part-x.cjs']);
  });

  it('is not used for another bundle, even of the same length, nor when damaged, cut short or of another node', () => {
    const file = bundle(42);
    const cache = codeCacheFile(join(temp, 'cache'), 'score', BUILD);
    loadWithCodeCache(file, cache).saveCache();
    const good = readFileSync(cache);
    const cut = good.indexOf(10);
    const header = JSON.parse(good.toString('latin1', 0, cut)) as Record<string, unknown>;
    const withHeader = (h: Record<string, unknown>) => Buffer.concat([Buffer.from(`${JSON.stringify(h)}\n`), good.subarray(cut + 1)]);
    const flipped = Buffer.from(good);
    flipped[flipped.length - 10]! ^= 0xff;
    const damaged: Array<[string, Buffer]> = [
      ['a byte of the data changed', flipped],
      ['cut short', good.subarray(0, good.length - 100)],
      ['no header', good.subarray(cut + 1)],
      ['another node', withHeader({ ...header, node: 'v0.0.0' })],
      ['another format', withHeader({ ...header, format: 99 })],
      ['a header field more', withHeader({ ...header, extra: 1 })],
      ['a byte more', Buffer.concat([good, Buffer.from('x')])],
      ['two files\' data swapped', withHeader({ ...header, chunks: (header.chunks as Array<Record<string, unknown>>).map((c, i, all) => ({ ...c, name: all[1 - i]!.name })) })],
      ['empty', Buffer.alloc(0)],
    ];
    for (const [what, bytes] of damaged) {
      writeFileSync(cache, bytes);
      const loaded = loadWithCodeCache(file, cache);
      expect(loaded.cached, what).toBe(false);
      expect((loaded.exports.answer as () => number)(), what).toBe(42);
    }
    // The same length, other code: the cache of the old bundle must not be used for it.
    writeFileSync(cache, good);
    const changed = bundle(43);
    const loaded = loadWithCodeCache(changed, cache);
    expect(loaded.cached).toBe(false);
    expect((loaded.exports.answer as () => number)()).toBe(43);
    // Written anew for the new bundle, then used.
    loaded.saveCache();
    expect(loadWithCodeCache(changed, cache).cached).toBe(true);
    // A file the entry requires changed at the same length: compiled without the old data, run as it is now.
    const part = join(temp, 'part-x.cjs');
    writeFileSync(part, readFileSync(part, 'utf8').replace('* 2', '* 4'));
    const partChanged = loadWithCodeCache(changed, cache);
    expect(partChanged.cached).toBe(false);
    expect((partChanged.exports.answer as () => number)()).toBe(86);
    partChanged.saveCache();
    expect(loadWithCodeCache(changed, cache).cached).toBe(true);
  });

  it('keeps one file per command name and build, and one for anything else', () => {
    const dir = join(temp, 'cache');
    const node = `${process.version}-${process.arch}`;
    expect(codeCacheFile(dir, 'score', BUILD)).toBe(join(dir, 'code', `score-abababababababab-${node}.v8`));
    expect(codeCacheFile(dir, 'prompts', BUILD)).not.toBe(codeCacheFile(dir, 'score', BUILD));
    expect(codeCacheFile(dir, 'score', 'cd'.repeat(32))).not.toBe(codeCacheFile(dir, 'score', BUILD));
    // A mistyped command shares `other` too, so typos leave no cache file each (tryout: aaa, bbb, ccc did).
    for (const arg of ['--help', undefined, '../x', 'a/b', 'X', 'a-b', 'aaa', 'scor', 'help', 'toString']) expect(codeCacheFile(dir, arg, BUILD), String(arg)).toBe(join(dir, 'code', `other-abababababababab-${node}.v8`));
  });

  it('gives a cache of its own to exactly the top-level commands of the CLI', async () => {
    const { buildProgram } = await import('../../src/cli.js');
    const { program } = buildProgram({ stdout: { write: () => true, isTTY: false }, stderr: { write: () => true, isTTY: false }, env: {}, now: () => new Date(0), random: Math.random }, async () => '');
    expect([...CACHED_COMMANDS].sort()).toEqual(program.commands.map((c) => c.name()).sort());
  });

  it('is made on a command\'s second run on a build: the first only marks the command seen', () => {
    const file = bundle(5);
    const cache = codeCacheFile(join(temp, 'cache'), 'score', BUILD);
    expect(firstSight(cache)).toBe(true);
    expect(readFileSync(cache).length).toBe(0);
    expect(firstSight(cache)).toBe(false);
    const second = loadWithCodeCache(file, cache);
    expect(second.cached).toBe(false); // the empty mark is no cache
    second.saveCache();
    expect(loadWithCodeCache(file, cache).cached).toBe(true);
    // A new build's cache replaces the old build's once it is written.
    const next = codeCacheFile(join(temp, 'cache'), 'score', 'cd'.repeat(32));
    expect(firstSight(next)).toBe(true);
    loadWithCodeCache(file, next).saveCache();
    expect(readdirSync(join(temp, 'cache', 'code'))).toEqual([next.split('/').pop()]);
  });

  it('is skipped without an error when the cache directory cannot be written', () => {
    const file = bundle(7);
    writeFileSync(join(temp, 'blocked'), 'a file where the directory would be');
    const loaded = loadWithCodeCache(file, codeCacheFile(join(temp, 'blocked'), 'score', BUILD));
    expect(firstSight(codeCacheFile(join(temp, 'blocked'), 'score', BUILD))).toBe(true);
    expect(() => loaded.saveCache()).not.toThrow();
    expect((loaded.exports.answer as () => number)()).toBe(7);
  });

  it('loadCli: null without a sound build id; no cache with MLSD_NO_CACHE or on a first run; the bundle with its cache after', () => {
    const file = bundle(9);
    const env = { MLSD_HOME: join(temp, 'home') };
    const code = join(temp, 'home', 'cache', 'code');
    expect(loadCli(file, 'score', env)).toBeNull(); // no build-id beside the bundle
    writeFileSync(join(temp, 'build-id'), 'not an id');
    expect(loadCli(file, 'score', env)).toBeNull();
    writeFileSync(join(temp, 'build-id'), BUILD);
    expect(loadCli(join(temp, 'gone.cjs'), 'score', env)).toBeNull();
    const off = loadCli(file, 'score', { ...env, MLSD_NO_CACHE: '1' })!;
    expect((off.exports.answer as () => number)()).toBe(9);
    off.saveCache();
    expect(existsSync(code)).toBe(false); // nothing read, marked or written
    // A missing MLSD_HOME is not created for a cache (tryout 11): the command runs without one.
    const homeless = loadCli(file, 'score', env)!;
    homeless.saveCache();
    expect(homeless.cached).toBe(false);
    expect(existsSync(join(temp, 'home'))).toBe(false);
    mkdirSync(join(temp, 'home'));
    const first = loadCli(file, 'score', env)!; // the first run only marks the command seen
    expect(first.cached).toBe(false);
    expect((first.exports.answer as () => number)()).toBe(9);
    first.saveCache();
    const name = codeCacheFile('', 'score', BUILD).split('/').pop()!;
    expect(readdirSync(code)).toEqual([name]);
    expect(readFileSync(join(code, name)).length).toBe(0);
    const second = loadCli(file, 'score', env)!;
    expect(second.cached).toBe(false);
    expect((second.exports.answer as () => number)()).toBe(9);
    second.saveCache();
    expect(readdirSync(code)).toEqual([name]);
    expect(readFileSync(join(code, name)).length).toBeGreaterThan(0);
    expect(loadCli(file, 'score', env)!.cached).toBe(true);
  });
});
