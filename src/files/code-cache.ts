import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statfsSync, statSync, writeFileSync } from 'node:fs';
import { isAscii } from 'node:buffer';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { crc32 } from 'node:zlib';
import { isCodeCacheHeader } from './code-cache-check.generated.js';
import type { CodeCacheHeader } from './code-cache-schema.js';
import { readBytes, readSmallFile, withRegularFile } from './read.js';
import { makeDirsSync } from './make-dirs.js';
import { resolvePaths, type Env } from './paths.js';

/**
 * Runs the CLI's CommonJS bundle (dist/cjs/cli.cjs, made by `npm run build`) with V8's code cache, so a
 * command does not parse and compile again, on every run, the functions it ran last time (about a tenth
 * of a `score` run; Node 20 has no module.enableCompileCache, and ES modules cannot take a code cache).
 *
 * One cache file per command name (what `score` compiles is not what `prompts list` does) and build, in
 * the cache directory's `code/` folder, named by the build id, the node version and the architecture.
 * As browsers do, the cache is made on a command's second run: its first run on a build (the first run
 * ever, or the first after an upgrade) runs the ES module bundle, which starts faster without a cache,
 * and leaves an empty file to say the command was seen (`firstSight`). The file is a header line,
 * then the data V8 made after the command ran (so it holds the functions compiled lazily, not just the
 * top level). The header carries the length and CRC-32 of the bundle it was made from and the CRC-32 of
 * the data: a cache of another build, cut short or damaged is never handed to V8, and V8 itself refuses
 * data of another V8 version or other flags. A refused or missing cache is written anew when the
 * command ends; best effort, like every cache (skipped when the disk is nearly full).
 */

const FORMAT = 1;
/** The longest cache file read: V8's data for the whole CLI is a few MB at most. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;
/** A disposable cache never takes the room a session needs (as files/atomic.ts). */
const KEEP_FREE = 64 * 1024 * 1024;

type Header = CodeCacheHeader;

/** The exports of the bundle, whether the code cache was used, and how to write it when it was not. */
export interface Loaded {
  exports: Record<string, unknown>;
  cached: boolean;
  /**
   * Writes the cache when it was not used (missing, refused), from what V8 compiled so far: call it
   * when the command has run (bin/mlsd.cjs does, on exit), so the cache holds the functions it ran.
   */
  saveCache: () => void;
}

/**
 * The top-level commands of the CLI (src/cli.ts; a test keeps the two in step), each with a code cache of
 * its own; anything else (a mistyped command, an option first, `help`) shares the one named `other`, so a
 * typo never leaves a cache file of its own behind.
 */
export const CACHED_COMMANDS: readonly string[] = ['score', 'practice', 'interview', 'resume', 'prompts', 'rubrics', 'history', 'review', 'stats', 'drill', 'schema'];

/**
 * What bin/mlsd.cjs runs: the CLI's CommonJS bundle `bundle` (dist/cjs/cli.cjs) loaded with the code cache
 * of `command` (the first argument) for this build, whose id the build writes beside it (`build-id`).
 * Null when the cache is off (MLSD_NO_CACHE), the bundle or its build id is missing, or this is the
 * command's first run on this build (`firstSight`): then the caller runs the ES module bundle. The caller
 * calls `saveCache` when the command has run. Throws what the bundle throws while loading.
 */
export function loadCli(bundle: string, command: string | undefined, env: Env): Loaded | null {
  if (env.MLSD_NO_CACHE || !existsSync(bundle)) return null;
  const build = readSmallFile(join(dirname(bundle), 'build-id'), 64);
  if (!build || !/^[0-9a-f]{64}$/.test(build)) return null;
  const file = codeCacheFile(resolvePaths(env).cache, command, build);
  return firstSight(file) ? null : loadWithCodeCache(bundle, file);
}

/** The cache file for a command's run of the bundle of build `build` (its id, 64 hex digits). */
export function codeCacheFile(cacheDir: string, command: string | undefined, build: string): string {
  const name = command && CACHED_COMMANDS.includes(command) ? command : 'other';
  return join(cacheDir, 'code', `${name}-${build.slice(0, 16)}-${process.version}-${process.arch}.v8`);
}

/**
 * Whether this is the command's first run on this build: true when its cache file did not exist, which
 * is then created empty (so the next run makes the cache). True as well when it cannot be created (a
 * read-only cache directory): no cache could be written either.
 */
export function firstSight(file: string): boolean {
  try {
    if (statSync(file, { throwIfNoEntry: false })) return false;
    makeDirsSync(dirname(file));
    writeFileSync(file, '', { flag: 'wx', mode: 0o600 });
  } catch {
    // taken by a run at the same moment, or unwritable: either way, this run goes without
  }
  return true;
}

/**
 * Loads the CommonJS bundle `bundle` as Node would (`require`), with the code cache kept in `cacheFile`.
 * Throws what the bundle throws while loading; cache problems only cost time.
 */
export function loadWithCodeCache(bundle: string, cacheFile: string): Loaded {
  const bytes = readFileSync(bundle);
  // The build writes the bundle in ASCII (non-ASCII escaped), and a one-byte string is read 5x faster.
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const sourceSum = crc32(bytes);
  const cachedData = readCache(cacheFile, bytes.length, sourceSum);
  const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new Script(wrapper, { filename: bundle, ...(cachedData ? { cachedData } : {}) });
  const cached = !!cachedData && !script.cachedDataRejected;
  const module = { exports: {} as Record<string, unknown> };
  const run = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
  run(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  const header = { format: FORMAT, node: process.version, length: bytes.length, source: sourceSum, data: 0 };
  return {
    exports: module.exports,
    cached,
    saveCache: () => {
      if (!cached) writeCache(cacheFile, header, () => script.createCachedData());
    },
  };
}

/** The cache's data when the file is there, sound and made from this bundle; undefined otherwise. */
export function readCache(file: string, length: number, sourceSum: number): Buffer | undefined {
  const all = withRegularFile(file, (fd, size) => (size > MAX_CACHE_BYTES ? null : readBytes(fd, size)));
  if (!all) return undefined;
  const cut = all.indexOf(10);
  if (cut < 0) return undefined;
  const header = parseHeader(all.toString('latin1', 0, cut));
  const data = all.subarray(cut + 1);
  if (!header || header.format !== FORMAT || header.node !== process.version) return undefined;
  if (header.length !== length || header.source !== sourceSum || header.data !== crc32(data) || data.length === 0) return undefined;
  return data;
}

/** The header line read back, when it passes codeCacheHeaderSchema (by the check generated from it). */
function parseHeader(line: string): Header | null {
  try {
    const value: unknown = JSON.parse(line);
    return isCodeCacheHeader(value) ? value : null;
  } catch {
    return null;
  }
}

/** Writes the cache (header line, then the data) atomically; any failure leaves no file and no error. */
export function writeCache(file: string, header: Header, data: () => Buffer): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    const dir = dirname(file);
    makeDirsSync(dir);
    const space = statfsSync(dir);
    if (space.bavail * space.bsize < KEEP_FREE) return;
    const bytes = data();
    const line = JSON.stringify({ ...header, data: crc32(bytes) });
    writeFileSync(temp, Buffer.concat([Buffer.from(`${line}\n`, 'latin1'), bytes]), { mode: 0o600 });
    renameSync(temp, file);
    // The command's caches of other builds or node versions are of no more use.
    const command = `${basename(file).split('-')[0]}-`;
    for (const name of readdirSync(dir)) if (name.startsWith(command) && name.endsWith('.v8') && name !== basename(file)) rmSync(join(dir, name), { force: true });
  } catch {
    try {
      rmSync(temp, { force: true });
    } catch {
      // nothing to remove
    }
  }
}
