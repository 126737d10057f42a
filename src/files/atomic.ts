import { link, lstat, mkdir, open, rename, rm, stat, statfs } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import { describeCode } from './read.js';
import { makeDirs } from './make-dirs.js';

/** Writes a whole file at a path (the temporary file, before the rename). Tests inject a failing one. */
export type WriteFn = (path: string, content: string) => Promise<void>;

/**
 * A durable write with a file mode: created with `mode` (the process umask still applies, as with any
 * new file), flushed to the disk before it is renamed into place.
 */
export function durableWriter(mode: number): WriteFn {
  return async (path, content) => {
    const handle = await open(path, 'wx', mode);
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  };
}

/** The real write for mlsd's own files (sessions, caches): private to the user, mode 0600. */
export const writeDurably: WriteFn = durableWriter(0o600);

/**
 * The real write for files the user asked for and may share (`review --out`, `prompts new`): mode 0666
 * less the umask (0644 under the usual umask 022), as an editor or `cp` would create them.
 */
export const writeShared: WriteFn = durableWriter(0o666);

/** A file that could not be written, with the reason in words and the errno code. */
export class WriteError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly code: string,
  ) {
    super(`cannot write ${file}: ${reason}`);
    this.name = 'WriteError';
  }
}

export interface AtomicOptions {
  /** The function that writes the temporary file (default: `writeDurably`). */
  write?: WriteFn;
  /**
   * A disposable file (a cache, an index): skipped, with a WriteError of code ENOSPC, when less than
   * this many bytes would stay free, so it never takes the room a user's session needs.
   */
  keepFree?: number;
  /** Never replace an existing file: fail with a WriteError of code EEXIST instead. */
  exclusive?: boolean;
}

/** Room kept free for sessions when a disposable cache is written: 64 MB. */
export const KEEP_FREE_FOR_SESSIONS = 64 * 1024 * 1024;

/**
 * Writes a file so that a reader never sees half of it: a temporary file in the same directory,
 * flushed to disk, then renamed over the target (rename is atomic within one filesystem). On any
 * failure the temporary file is removed, the target is left as it was, and a WriteError says why.
 */
export async function writeFileAtomic(file: string, content: string, options: AtomicOptions = {}): Promise<void> {
  const dir = dirname(file);
  const temp = join(dir, `.${basename(file)}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}.tmp`);
  await makeDir(file, dir);
  try {
    if (options.keepFree !== undefined) await checkRoom(dir, Buffer.byteLength(content) + options.keepFree);
    await (options.write ?? writeDurably)(temp, content);
    if (options.exclusive) await linkExclusive(temp, file);
    else await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    if (error instanceof WriteError) throw error;
    const code = (error as NodeJS.ErrnoException | null)?.code ?? 'EUNKNOWN';
    throw new WriteError(file, code === 'EUNKNOWN' ? String(error) : describeCode(code), code);
  }
}

/** Puts the temporary file in place only if nothing is there yet: link(2) fails when the target exists. */
async function linkExclusive(temp: string, file: string): Promise<void> {
  try {
    await link(temp, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new WriteError(file, 'it already exists', 'EEXIST');
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw error;
    // A file system without hard links: check, then rename (a tiny window, rather than no check at all).
    if (await pathExists(file)) throw new WriteError(file, 'it already exists', 'EEXIST');
    await rename(temp, file);
    return;
  }
  await rm(temp, { force: true });
}

/**
 * Whether anything is at `file`: a file, a directory or a symbolic link, even one whose target is
 * missing (lstat, not stat: a dangling link is still something a write would replace). Never throws.
 */
export async function pathExists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch {
    return false;
  }
}

async function checkRoom(dir: string, needed: number): Promise<void> {
  let free: number;
  try {
    const info = await statfs(dir);
    free = info.bavail * info.bsize;
  } catch {
    return; // no statfs here: write and see
  }
  if (free < needed) throw new WriteError(dir, `skipped: only ${Math.floor(free / 1_000_000)} MB free`, 'ENOSPC');
}

/** Creates the directory a file goes in, or says in words why not (a WriteError naming `file`). */
async function makeDir(file: string, dir: string): Promise<void> {
  try {
    await makeDirs(dir);
  } catch (error) {
    throw await mkdirFailure(file, dir, error);
  }
}

/**
 * Why `mkdir -p dir` failed. Node's recursive mkdir reports ENOENT on a read-only file system and
 * EEXIST when a file stands where a directory should be, neither of which says what is wrong; so the
 * path is walked up to the last part that exists, and the first missing part created alone for the
 * real reason (EROFS, EACCES).
 */
async function mkdirFailure(file: string, dir: string, error: unknown): Promise<WriteError> {
  const missing: string[] = [];
  for (let at = dir; ; ) {
    const info = await stat(at).catch(() => null);
    if (info) {
      if (!info.isDirectory()) return new WriteError(file, `${at} is a file, not a directory; move it aside or set MLSD_HOME elsewhere`, 'ENOTDIR');
      break;
    }
    missing.unshift(at);
    const up = dirname(at);
    if (up === at) break;
    at = up;
  }
  const first = missing[0];
  if (first !== undefined) {
    const code = await mkdir(first).then(
      () => undefined,
      (e: unknown) => (e as NodeJS.ErrnoException | null)?.code,
    );
    if (code && code !== 'ENOENT' && code !== 'EEXIST') return new WriteError(file, `cannot create ${first}: ${describeCode(code)}`, code);
  }
  const code = (error as NodeJS.ErrnoException | null)?.code ?? 'EUNKNOWN';
  return new WriteError(file, code === 'EUNKNOWN' ? String(error) : describeCode(code), code);
}
