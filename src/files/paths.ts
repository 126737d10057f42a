import { homedir } from 'node:os';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { packageInfo } from '../package-root.js';

/**
 * Where mlsd keeps things. MLSD_HOME puts everything under one directory (tests, portable setups); it is
 * mlsd's own variable, so a relative MLSD_HOME is taken relative to the current directory (resolved once,
 * here), a leading "~" means the home directory, and a blank one counts as unset. The XDG variables follow their specification: only absolute paths count.
 */
export interface Paths {
  /** The user's own prompts and rubrics: <config>/prompts, <config>/rubrics. */
  config: string;
  /** Saved sessions: <data>/sessions. */
  data: string;
  /** Disposable files, such as the parsed-content cache. */
  cache: string;
  /**
   * A directory that must already exist for a cache to be written under `cache`: MLSD_HOME when it is set
   * (the user's own directory: a command that only reads never creates it for a disposable file; see
   * files/cache-place.ts); null where the cache directory is made as needed (the XDG and Windows places).
   */
  cacheParent: string | null;
  /** The content shipped with mlsd. */
  builtin: string;
}

export type Env = Readonly<Record<string, string | undefined>>;

export function resolvePaths(env: Env = process.env, platform: NodeJS.Platform = process.platform): Paths {
  const builtin = packageInfo().root;
  const user = env.HOME || homedir();
  // A blank MLSD_HOME is unset; a leading "~" (quoted, so the shell left it) is the home directory.
  const own = env.MLSD_HOME?.trim() ? env.MLSD_HOME : undefined;
  if (own) {
    const home = resolve(own === '~' || own.startsWith('~/') ? join(user, own.slice(1)) : own);
    return { config: home, data: home, cache: join(home, 'cache'), cacheParent: home, builtin };
  }
  if (platform === 'win32') {
    const appData = env.APPDATA || join(user, 'AppData', 'Roaming');
    const localAppData = env.LOCALAPPDATA || join(user, 'AppData', 'Local');
    return { config: join(appData, 'mlsd'), data: join(localAppData, 'mlsd'), cache: join(localAppData, 'mlsd', 'cache'), cacheParent: null, builtin };
  }
  return {
    config: join(xdgDir(env.XDG_CONFIG_HOME) ?? join(user, '.config'), 'mlsd'),
    data: join(xdgDir(env.XDG_DATA_HOME) ?? join(user, '.local', 'share'), 'mlsd'),
    cache: join(xdgDir(env.XDG_CACHE_HOME) ?? join(user, '.cache'), 'mlsd'),
    cacheParent: null,
    builtin,
  };
}

/**
 * An XDG_*_HOME value as the XDG Base Directory specification allows it: an absolute path. An empty or
 * relative one is invalid and ignored ("If an implementation encounters a relative path in any of these
 * variables it should consider the path invalid and ignore it"), so the default applies.
 */
export function xdgDir(value: string | undefined): string | undefined {
  return value && isAbsolute(value) ? value : undefined;
}

/** MLSD_PROMPTS_PATH: prompt packs separated by the platform's path delimiter (: or ;). */
export function packDirs(env: Env = process.env): string[] {
  return (env.MLSD_PROMPTS_PATH ?? '').split(delimiter).filter((d) => d.trim() !== '');
}
