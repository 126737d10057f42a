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
import { mayWriteCache } from './cache-place.js';

/**
 * Runs the CLI's CommonJS bundle (dist/cjs/, made by `npm run build`: an entry file, cli.cjs, and the files
 * it requires as commands need them) with V8's code cache, so a command does not parse and compile again,
 * on every run, the functions it ran last time (about a tenth of a `score` run; Node 20 has no
 * module.enableCompileCache, and ES modules cannot take a code cache). Each file of the bundle is loaded
 * as `require` would, once, by the require this module gives the entry and every file it loads.
 *
 * One cache file per command name (what `score` compiles is not what `prompts list` does) and build, in
 * the cache directory's `code/` folder, named by the build id, the node version and the architecture.
 * As browsers do, the cache is made on a command's second run: its first run on a build (the first run
 * ever, or the first after an upgrade) runs the bundle without one and leaves an empty file to say the
 * command was seen (`firstSight`), since making the cache costs that run more than it saves it. The file
 * is a header line, then the data V8 made for each file of the bundle the command loaded, after the
 * command ran (so it holds the functions compiled lazily, not just the top level). The header carries,
 * for each file, its length and CRC-32 and the size and CRC-32 of its data: a cache of another build,
 * cut short or damaged is never handed to V8 (a file whose data does not match is compiled without it),
 * and V8 itself refuses data of another V8 version or other flags. When a file was compiled without
 * data, the whole cache is written anew when the command ends; best effort, like every cache (skipped
 * when the disk is nearly full).
 */

const FORMAT = 2;
/** The longest cache file read: V8's data for the whole CLI is a few MB at most. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;
/** A disposable cache never takes the room a session needs (as files/atomic.ts). */
const KEEP_FREE = 64 * 1024 * 1024;

type Header = CodeCacheHeader;
/** One file of the bundle as its cache names it, with its data (checked against the header). */
type CachedChunk = Header['chunks'][number] & { bytes: Buffer };
/** One file of the bundle as this run loaded it. */
interface LoadedChunk {
  name: string;
  length: number;
  source: number;
  script: Script;
  /** Whether V8 took the cache's data for it. */
  cached: boolean;
}

/** The exports of the bundle, whether the code cache was used, and how to write it when it was not. */
export interface Loaded {
  exports: Record<string, unknown>;
  /** True when every file of the bundle loaded so far was compiled from the cache's data. */
  readonly cached: boolean;
  /**
   * Writes the cache when one is to be made and a file of the bundle was compiled without it (missing,
   * refused), from what V8 compiled so far: call it when the command has run (bin/mlsd.cjs does, on
   * exit), so the cache holds the functions it ran.
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
 * What bin/mlsd.cjs runs: the CLI's CommonJS bundle, whose entry is `bundle` (dist/cjs/cli.cjs), loaded with
 * the code cache of `command` (the first argument) for this build, whose id the build writes beside it
 * (`build-id`). Without a cache when the cache is off (MLSD_NO_CACHE) or on the command's first run on
 * this build (`firstSight`); then none is written either. Null when the bundle or its build id is missing:
 * then the caller runs the ES modules. The caller calls `saveCache` when the command has run. Throws what
 * the bundle throws while loading. `nodeRequire`: as for loadWithCodeCache.
 */
export function loadCli(bundle: string, command: string | undefined, env: Env, nodeRequire?: NodeJS.Require): Loaded | null {
  if (!existsSync(bundle)) return null;
  const build = readSmallFile(join(dirname(bundle), 'build-id'), 64);
  if (!build || !/^[0-9a-f]{64}$/.test(build)) return null;
  const paths = resolvePaths(env);
  // No cache where none may be written (a missing MLSD_HOME: files/cache-place.ts); there is none to read there either.
  const file = env.MLSD_NO_CACHE || !mayWriteCache(paths) ? null : codeCacheFile(paths.cache, command, build);
  return loadWithCodeCache(bundle, file && !firstSight(file) ? file : null, nodeRequire);
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

/** A file of the bundle as the bundle requires it: `./name.cjs`, in the entry's folder. */
const CHUNK = /^\.\/[\w.-]+\.cjs$/;

/**
 * Loads the CommonJS bundle whose entry is `bundle` as Node would (`require`), each file of the bundle it
 * requires (`./name.cjs`) once, with the code cache kept in `cacheFile` (null: none read or written).
 * Anything else the bundle requires (node's own modules: the bundle holds its packages) is required by
 * `nodeRequire`: bin/mlsd.cjs gives its own, so that a run does not load node:module (and with it node's
 * ES module loader) for createRequire; without one, a require made for the bundle's folder.
 * Throws what the bundle throws while loading; cache problems only cost time.
 */
export function loadWithCodeCache(bundle: string, cacheFile: string | null, nodeRequire: NodeJS.Require = createRequire(bundle)): Loaded {
  const dir = dirname(bundle);
  const cache = cacheFile ? readCache(cacheFile) : new Map<string, CachedChunk>();
  const chunks: LoadedChunk[] = [];
  const modules = new Map<string, { exports: Record<string, unknown> }>();
  const load = (file: string): Record<string, unknown> => {
    const known = modules.get(file);
    if (known) return known.exports;
    const bytes = readFileSync(file);
    // The build writes the bundle in ASCII (non-ASCII escaped), and a one-byte string is read 5x faster.
    const text = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
    const name = basename(file);
    const source = crc32(bytes);
    const entry = cache.get(name);
    const cachedData = entry && entry.length === bytes.length && entry.source === source ? entry.bytes : undefined;
    const wrapper = `(function (exports, require, module, __filename, __dirname) {${text}\n})`;
    const script = new Script(wrapper, { filename: file, ...(cachedData ? { cachedData } : {}) });
    chunks.push({ name, length: bytes.length, source, script, cached: !!cachedData && !script.cachedDataRejected });
    const module = { exports: {} as Record<string, unknown> };
    modules.set(file, module);
    const run = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
    try {
      run.call(module.exports, module.exports, require, module, file, dir);
    } catch (error) {
      // As require does: a file that failed to load is not kept half-loaded for the next require.
      modules.delete(file);
      throw error;
    }
    return module.exports;
  };
  const require = Object.assign((id: string): unknown => (CHUNK.test(id) ? load(join(dir, id)) : nodeRequire(id)), {
    resolve: nodeRequire.resolve,
    cache: nodeRequire.cache,
    main: nodeRequire.main,
    extensions: nodeRequire.extensions,
  }) as NodeJS.Require;
  const exports = load(bundle);
  return {
    exports,
    get cached() {
      return chunks.every((c) => c.cached);
    },
    saveCache: () => {
      if (cacheFile && !chunks.every((c) => c.cached)) writeCache(cacheFile, chunks);
    },
  };
}

/**
 * The data of each file of the bundle in the cache `file`, by file name, when the cache is there, sound
 * and of this node; empty otherwise. Whether a file's data was made from the file as it is now is the
 * caller's to check (its length and CRC-32 are given).
 */
export function readCache(file: string): Map<string, CachedChunk> {
  const found = new Map<string, CachedChunk>();
  const all = withRegularFile(file, (fd, size) => (size > MAX_CACHE_BYTES ? null : readBytes(fd, size)));
  if (!all) return found;
  const cut = all.indexOf(10);
  if (cut < 0) return found;
  const header = parseHeader(all.toString('latin1', 0, cut));
  if (!header || header.format !== FORMAT || header.node !== process.version) return found;
  let at = cut + 1;
  for (const chunk of header.chunks) {
    if (chunk.size <= 0 || at + chunk.size > all.length) return new Map();
    const bytes = all.subarray(at, at + chunk.size);
    if (crc32(bytes) !== chunk.data) return new Map();
    found.set(chunk.name, { ...chunk, bytes });
    at += chunk.size;
  }
  return at === all.length ? found : new Map();
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

/** Writes the cache of the files `chunks` (header line, then their data) atomically; any failure leaves no file and no error. */
function writeCache(file: string, chunks: readonly LoadedChunk[]): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    const dir = dirname(file);
    makeDirsSync(dir);
    const space = statfsSync(dir);
    if (space.bavail * space.bsize < KEEP_FREE) return;
    const data = chunks.map((c) => c.script.createCachedData());
    const header: Header = {
      format: FORMAT,
      node: process.version,
      chunks: chunks.map((c, i) => ({ name: c.name, length: c.length, source: c.source, size: data[i]!.length, data: crc32(data[i]!) })),
    };
    writeFileSync(temp, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, 'latin1'), ...data]), { mode: 0o600 });
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
