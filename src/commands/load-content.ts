import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Catalog, SourceFile } from '../content/catalog.js';
import type { ContentIssue } from '../content/parse.js';
import { CliError, EXIT } from '../errors.js';
import { cacheKey, contentCacheVersion, listContent, readCachedContent, readShippedContent, writeCache, writeShippedCopy } from '../files/content-cache.js';
import { contentPlaces, readContent } from '../files/content-files.js';
import { resolvePaths, type Paths } from '../files/paths.js';
import { mayWriteCache } from '../files/cache-place.js';
import { buildId } from '../build-id.js';
import { packageInfo } from '../package-root.js';
import { printErrorLines, stderrStyle, stderrWidth, type GlobalOptions, type Io } from './command-io.js';
import { renderLoadProblems } from '../ui/content-check-view.js';

export interface Loaded {
  catalog: Catalog;
  paths: Paths;
  /** The files read; empty when the catalog came from the cache. */
  files: SourceFile[];
  /** Problems reading directories (before parsing). */
  readIssues: ContentIssue[];
  /** The content cache's key of the files the catalog came from (content-cache.ts); '' when the cache was not used. */
  key: string;
  /** When the catalog is the built-in content shipped pre-parsed (read in this run, or the cache's copy of it): that content's key. */
  shipped?: string;
}

const version = packageInfo().version;
/** The user's content cache is keyed by the version and this build's id (a code change under one version rebuilds it). */
const cacheVersion = contentCacheVersion(version, buildId());

/**
 * Reads all content from the search paths. With `cache`, an unchanged set of files is served from
 * the cache without parsing; `extra` files (validate's targets) always mean a full load.
 */
export async function loadAll(io: Io, options: GlobalOptions, extra: SourceFile[] = [], { cache = true } = {}): Promise<Loaded> {
  const paths = resolvePaths(io.env);
  const places = contentPlaces(paths, io.env, { promptDirs: options.promptsDir ?? [], rubricDirs: options.rubricsDir ?? [] });
  const useCache = cache && extra.length === 0 && !io.env.MLSD_NO_CACHE;
  const cacheFile = join(paths.cache, 'content.json');
  let key = '';
  if (useCache) {
    const listing = listContent(places);
    key = cacheKey(cacheVersion, listing);
    const cached = readCachedContent(cacheFile, key, cacheVersion);
    if (cached) return { catalog: cached.catalog, paths, files: [], readIssues: [], key, ...(cached.shipped ? { shipped: cached.shipped } : {}) };
    // Only built-in content (the usual first run, or the first after an upgrade): it was parsed at build time.
    // Optional places (the user's config, pack subfolders) may be missing, not present and unreadable: that is said.
    const required = new Set(places.filter((p) => p.required).map((p) => p.dir));
    const onlyBuiltin = listing.every((l) => (typeof l === 'string' ? !required.has(l) && !existsSync(l) : l.origin === 'built-in'));
    const shipped = onlyBuiltin ? readShippedContent(paths.builtin, version, listing) : null;
    if (shipped) {
      if (mayWriteCache(paths)) writeShippedCopy(cacheFile, key, cacheVersion, shipped);
      return { catalog: shipped.catalog, paths, files: [], readIssues: [], key, shipped: shipped.key };
    }
  }
  const { files, issues } = await readContent(places);
  // A directory the user named (a flag, a pack) that cannot be read stops the command: its prompts were wanted.
  const named = new Map(places.filter((p) => p.named).map((p) => [p.dir, p]));
  const unreadable = issues.filter((i) => named.has(i.file) && i.path === '' && i.line === 1 && i.message.startsWith('cannot read'));
  if (unreadable.length > 0) {
    const where = (dir: string) => (named.get(dir)!.origin === 'pack' ? `${dir} (in MLSD_PROMPTS_PATH)` : dir);
    throw new CliError(`${unreadable.map((i) => `${where(i.file)}: ${i.message}`).join('; ')}`, EXIT.usage);
  }
  const [{ buildCatalog }, { checkRubricPhrases }] = await Promise.all([import('../content/catalog.js'), import('../scoring/rubric-phrase-checks.js')]);
  // A named file that is also on the search paths (validate inside the prompt directory) is read once.
  const targets = new Set(extra.map((f) => resolve(f.file)));
  const all = [...files.filter((f) => !targets.has(resolve(f.file))), ...extra];
  const catalog = buildCatalog(all, [checkRubricPhrases]);
  // Read problems (a missing --prompts-dir) are not cached: they must show every time.
  const cached = useCache && issues.length === 0;
  if (cached && mayWriteCache(paths)) writeCache(cacheFile, key, cacheVersion, catalog);
  return { catalog, paths, files: all, readIssues: issues, key: cached ? key : '' };
}

/**
 * For commands that use content (score, list, show): overrides are noticed, broken files are
 * reported in one line each and skipped, so one bad user file never stops the rest from working.
 */
export function reportLoadProblems(loaded: Loaded, io: Io, options: GlobalOptions): void {
  printErrorLines(io, renderLoadProblems(loaded.catalog.notices, [...loaded.readIssues, ...loaded.catalog.issues], stderrStyle(io, options), stderrWidth(io)));
}
