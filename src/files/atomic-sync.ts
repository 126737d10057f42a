import { closeSync, fsyncSync, openSync, renameSync, rmSync, statfsSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { makeDirsSync } from './make-dirs.js';

/**
 * The synchronous twin of writeFileAtomic, for the last save before the process ends (a signal
 * handler cannot wait for a promise): a temporary file in the same directory, flushed, renamed.
 */
export function writeFileAtomicSync(file: string, content: string): void {
  const dir = dirname(file);
  makeDirsSync(dir);
  const temp = join(dir, `.${basename(file)}.${process.pid}.${Date.now().toString(36)}s.tmp`);
  try {
    const fd = openSync(temp, 'w', 0o600);
    try {
      writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Writes a disposable file (a cache) so that a reader never sees half of it, at once, without the thread
 * pool: a temporary file (0600, created new) in the same directory, renamed over the target; not flushed
 * (a cache cut short by a crash fails its own check and is rebuilt). Skipped, by throwing, when less than
 * `keepFree` bytes would stay free on the disk (a cache never takes the room a session needs). Throws
 * what the file system throws; the temporary file never stays behind.
 */
export function writeDisposableSync(file: string, content: string, keepFree: number): void {
  const dir = dirname(file);
  makeDirsSync(dir);
  if (freeBytes(dir) < Buffer.byteLength(content) + keepFree) throw Object.assign(new Error(`${dir}: not enough room for a cache`), { code: 'ENOSPC' });
  const temp = join(dir, `.${basename(file)}.${process.pid}.${Date.now().toString(36)}c.tmp`);
  try {
    writeFileSync(temp, content, { flag: 'wx', mode: 0o600 });
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Bytes free to this user under `dir`; unlimited where statfs is not there (write and see, as writeFileAtomic does). */
function freeBytes(dir: string): number {
  try {
    const space = statfsSync(dir);
    return space.bavail * space.bsize;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
