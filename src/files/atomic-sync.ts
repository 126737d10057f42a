import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
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
