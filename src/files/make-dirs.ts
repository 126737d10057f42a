import { mkdirSync, statSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * `mkdir -p` without Node's recursive mkdir, which loops forever where mkdir(2) answers ENOENT under a
 * parent that exists (a path under /proc, say: `MLSD_HOME=/proc` hung every command). The path is
 * walked up to the last part that exists (at most one stat per missing part), then each missing part
 * is created alone, top down. Throws the first error as Node reports it (ENOENT, EACCES, EROFS,
 * ENOTDIR when a file stands where a directory should be); EEXIST from a part another process made
 * meanwhile is fine.
 */
export function makeDirsSync(dir: string): void {
  for (const part of missingParts(dir, (p) => statSync(p, { throwIfNoEntry: false })?.isDirectory())) {
    try {
      mkdirSync(part);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(part, { throwIfNoEntry: false })?.isDirectory()) throw error;
    }
  }
}

/** makeDirsSync, asynchronously. */
export async function makeDirs(dir: string): Promise<void> {
  const known = new Map<string, boolean | undefined>();
  // Walk up first (asynchronously), then reuse the same pure walk over what was found.
  for (let at = dir; ; at = dirname(at)) {
    const info = await stat(at).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : Promise.reject(error)));
    known.set(at, info?.isDirectory());
    if (info || dirname(at) === at) break;
  }
  for (const part of missingParts(dir, (p) => known.get(p))) {
    try {
      await mkdir(part);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !(await stat(part).catch(() => null))?.isDirectory()) throw error;
    }
  }
}

/**
 * The parts of `dir` to create, top down: those for which `isDir` says undefined (missing), up to the
 * first that exists. A part that exists but is not a directory throws ENOTDIR, as mkdir would.
 */
function missingParts(dir: string, isDir: (path: string) => boolean | undefined): string[] {
  const missing: string[] = [];
  for (let at = dir; ; ) {
    const found = isDir(at);
    if (found === true) break;
    if (found === false) throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${dir}'`), { code: 'ENOTDIR', path: at });
    missing.unshift(at);
    const up = dirname(at);
    if (up === at) break;
    at = up;
  }
  return missing;
}
