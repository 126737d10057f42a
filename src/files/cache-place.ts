import { statSync } from 'node:fs';
import type { Paths } from './paths.js';

/**
 * Whether mlsd's caches (content, compiled rubrics, V8's code cache) may be written under `paths.cache`:
 * always in the XDG or Windows places (made as needed), and under MLSD_HOME only when that directory
 * exists, so that a command which only reads (`history`, `stats`, `review`, `prompts list`) never creates
 * the user's own directory for a disposable file (tryout 11). Caches are still read where they are.
 */
export function mayWriteCache(paths: Pick<Paths, 'cacheParent'>): boolean {
  if (paths.cacheParent === null) return true;
  try {
    return statSync(paths.cacheParent, { throwIfNoEntry: false })?.isDirectory() === true;
  } catch {
    return false;
  }
}
