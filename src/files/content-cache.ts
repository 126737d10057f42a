import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Catalog, ContentKind, Entry, Origin } from '../content/catalog.js';
import type { ContentIssue } from '../content/parse.js';
import type { Prompt, Rubric } from '../content/schema.js';
import { KEEP_FREE_FOR_SESSIONS } from './atomic.js';
import { writeDisposableSync } from './atomic-sync.js';
import { isCacheHeader } from './cache-header-check.generated.js';
import type { CacheHeader } from './cache-schema.js';
import { checksum } from './checksum.js';
import type { Place } from './content-files.js';

/**
 * The validated catalog kept on disk, so that `prompts list` and `score` skip parsing YAML and loading
 * the schema library when no content file changed. Two files of one format:
 *
 * - the content cache in the user's cache directory, keyed by every content file's path, size and
 *   modification time plus the mlsd version: any edit, new file or upgrade rebuilds it;
 * - the built-in content pre-parsed at `npm run build` (dist/content/builtin.json), keyed by the checksum of
 *   each built-in file, so that a first run, or the first after an upgrade, does not parse YAML either.
 *
 * Each starts with a header line (cache-schema.ts, checked by the code generated from its zod schema) holding the format, the version, the
 * key and the checksum of the rest (checksum.ts); a file that fails any check is ignored and rebuilt. `validate` never
 * uses either.
 *
 * The body (format 3) is one line of JSON naming every entry (id, file, origin, overrides) with the
 * catalog's issues and notices, then one line per entry holding its value: the prompts', then the
 * rubrics'. A reader checks the whole body's checksum but parses only the index line and the values it
 * reads (`score` its prompt and rubrics, `prompts list` the prompts), not all content. Format 2 was the
 * catalog as one JSON value under a SHA-256.
 */

const FORMAT = 3;
const CACHE = 'mlsd-content';
const CONTENT: CacheKind = { cache: CACHE, format: FORMAT };
const ROOT = '@BUILTIN@';
const MAX_CACHE_BYTES = 100_000_000;

export interface Listed {
  kind: ContentKind;
  file: string;
  origin: Origin;
  /** Bytes; -1 when the file cannot be stat'ed (a loop of symbolic links, no permission). */
  size: number;
  /** Modification time, ms since the epoch; -1 with size -1. */
  mtimeMs: number;
}

/** The content files of the places, without reading them; a directory or file that cannot be read is its path. */
export function listContent(places: readonly Place[]): Array<Listed | string> {
  const out: Array<Listed | string> = [];
  for (const place of places) {
    let names: string[];
    try {
      names = readdirSync(place.dir).filter((n) => /\.ya?ml$/i.test(n)).sort();
    } catch {
      out.push(place.dir);
      continue;
    }
    for (const name of names) {
      const file = join(place.dir, name);
      let info: ReturnType<typeof statSync>;
      try {
        info = statSync(file, { throwIfNoEntry: false });
      } catch {
        // A loop of symbolic links, a file we may not stat: listed as unreadable (size -1), so the
        // content is read in full and the file named in a warning, as any unreadable file is.
        out.push({ kind: place.kind, file, origin: place.origin, size: -1, mtimeMs: -1 });
        continue;
      }
      out.push(info ? { kind: place.kind, file, origin: place.origin, size: info.size, mtimeMs: info.mtimeMs } : file);
    }
  }
  return out;
}

/**
 * What the user's content cache is stamped with: the mlsd version and, in a built bundle, the first 16
 * hex digits of its build id (build-id.ts), e.g. "0.1.0+3f2a9c0d1e4b5a6f". The catalog is what the code
 * makes of the files, so a change of that code under the same version (a development build, a patched
 * install) must not be served a catalog an older build wrote. Without a build id (the sources run
 * directly), the version alone.
 */
export function contentCacheVersion(version: string, build: string | null): string {
  return build ? `${version}+${build.slice(0, 16)}` : version;
}

/** The key of a listing (its checksum): any change of a file, the set of files or the version changes it. */
export function cacheKey(version: string, listing: ReadonlyArray<Listed | string>): string {
  return checksum(JSON.stringify([FORMAT, version, listing]));
}

/** What the index line of a content cache names of an entry; its value is a line of its own (see FORMAT). */
interface StoredEntry {
  id: string;
  file: string;
  origin: Origin;
  overrides: Array<{ file: string; origin: Origin }>;
}

/** The first line of a content cache's body: every entry but its value, and the catalog's problems. */
interface StoredIndex {
  prompts: StoredEntry[];
  rubrics: StoredEntry[];
  issues: ContentIssue[];
  notices: string[];
}

const nowhere = () => ({ line: 1, col: 1 });

/** A content cache read back: the catalog and, when it holds exactly the shipped built-in content, that content's key. */
export interface CachedContent {
  catalog: Catalog;
  /** The shipped content's key (its compiled scoring forms, dist/content/compiled, are keyed by it); absent for other content. */
  shipped?: string;
}

/** The cached catalog for this key and version, or null when there is none or it fails a check. */
export function readCache(file: string, key: string, version: string): Catalog | null {
  return readCachedContent(file, key, version)?.catalog ?? null;
}

/**
 * readCache, with the key of the shipped content when the cache is a copy of it. Only the index line is
 * parsed here; an entry's value (a prompt, a rubric) is parsed when first read, so `score` parses its prompt
 * and rubrics, not all content. The whole body's checksum is checked first.
 */
export function readCachedContent(file: string, key: string, version: string): CachedContent | null {
  const read = readChecked(file, version);
  if (!read || read.header.key !== key) return null;
  const catalog = toCatalog(read.body.toString('utf8'));
  return catalog ? { catalog, ...(read.header.shipped ? { shipped: read.header.shipped } : {}) } : null;
}

/**
 * Best effort: a cache that cannot be written only makes the next start slower. Disposable, so it is
 * skipped when the disk is nearly full (it never takes a session's room) and not flushed to the disk:
 * a cache cut short by a crash fails its checksum and is rebuilt. Written at once (no thread-pool round
 * trips: the command waits for nothing else meanwhile).
 */
export function writeCache(file: string, key: string, version: string, catalog: Catalog): void {
  writeBody(file, key, version, fromCatalog(catalog));
}

/**
 * Writes the shipped built-in content, as read by readShippedContent, as the user's content cache (no
 * parse, no serialising): marked as that content, so the compiled forms shipped with it serve later runs.
 */
export function writeShippedCopy(file: string, key: string, version: string, shipped: ShippedContent): void {
  writeBody(file, key, version, shipped.body, shipped.key);
}

function writeBody(file: string, key: string, version: string, body: string, shipped?: string): void {
  try {
    writeDisposableSync(file, cacheText(CONTENT, key, version, body, shipped ? { shipped } : {}), KEEP_FREE_FOR_SESSIONS);
  } catch {
    // read-only home, full disk: carry on without a cache
  }
}

/** Where the pre-parsed built-in content lives in the package. */
export function shippedFile(builtin: string): string {
  return join(builtin, 'dist', 'content', 'builtin.json');
}

/**
 * The pre-parsed built-in content, when the built-in files are exactly those it was built from (same
 * names, sizes and checksums) and the version matches; null otherwise.
 */
export function readShipped(builtin: string, version: string, listing: ReadonlyArray<Listed | string>): Catalog | null {
  return readShippedContent(builtin, version, listing)?.catalog ?? null;
}

/** The shipped built-in content read back: its catalog, its key (the checksum of its files' names, sizes and checksums) and its body with this package's paths. */
export interface ShippedContent {
  catalog: Catalog;
  key: string;
  body: string;
}

/** readShipped, with the key of the shipped content and its body (for writeShippedCopy). */
export function readShippedContent(builtin: string, version: string, listing: ReadonlyArray<Listed | string>): ShippedContent | null {
  const read = readChecked(shippedFile(builtin), version);
  const files = read?.header.files;
  if (!read || !files) return null;
  const mine = listing.filter((l): l is Listed => typeof l !== 'string' && l.origin === 'built-in');
  if (mine.length !== files.length) return null;
  const bySize = new Map(files.map(([name, size, sum]) => [name, { size, sum }]));
  for (const l of mine) {
    const want = bySize.get(portable(relative(builtin, l.file)));
    if (!want || want.size !== l.size) return null;
  }
  for (const l of mine) {
    try {
      if (checksum(readFileSync(l.file)) !== bySize.get(portable(relative(builtin, l.file)))!.sum) return null;
    } catch {
      return null;
    }
  }
  const root = JSON.stringify(builtin.endsWith(sep) ? builtin : builtin + sep).slice(1, -1);
  const body = read.body.toString('utf8').replaceAll(ROOT, root);
  const catalog = toCatalog(body);
  return catalog ? { catalog, key: read.header.key, body } : null;
}

/** The text of dist/content/builtin.json, for the build: the catalog of the built-in files, paths relative. */
export function shippedContent(builtin: string, version: string, files: ReadonlyArray<{ file: string; text: string }>, catalog: Catalog): string {
  const root = JSON.stringify(builtin.endsWith(sep) ? builtin : builtin + sep).slice(1, -1);
  const body = fromCatalog(catalog).replaceAll(root, ROOT);
  const manifest: Array<[string, number, string]> = files
    .map((f): [string, number, string] => [portable(relative(builtin, f.file)), Buffer.byteLength(f.text), checksum(f.text)])
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return cacheText(CONTENT, checksum(JSON.stringify(manifest)), version, body, { files: manifest });
}

/** What names a kind of cache file in its header: which cache, and the format of its body. */
export interface CacheKind {
  cache: string;
  format: number;
}

/** A cache file's text: the header line (with the checksum of the body, checksum.ts), then the body. */
export function cacheText(kind: CacheKind, key: string, version: string, body: string, extra: Pick<CacheHeader, 'files' | 'shipped'> = {}): string {
  const header: CacheHeader = { cache: kind.cache, format: kind.format, version, key, checksum: checksum(body), ...extra };
  return `${JSON.stringify(header)}\n${body}`;
}

/**
 * The body of a cache file whose header is valid, names this kind of cache, this format, version and
 * key, and whose body matches its checksum; null otherwise (missing, stale, cut short, edited, another version).
 */
export function readCacheBody(file: string, kind: CacheKind, version: string, key: string): string | null {
  const read = readChecked(file, version, kind);
  return read && read.header.key === key ? read.body.toString('utf8') : null;
}

/** A cache file whose header is valid, of this format and version, and whose body (bytes) matches its checksum. */
function readChecked(file: string, version: string, kind: CacheKind = CONTENT): { header: CacheHeader; body: Buffer } | null {
  try {
    // Only a regular file of a sane size: a FIFO would block, a link to a device would never end.
    const info = statSync(file, { throwIfNoEntry: false });
    if (!info?.isFile() || info.size > MAX_CACHE_BYTES) return null;
    const bytes = readFileSync(file);
    const cut = bytes.indexOf(10);
    if (cut < 0) return null;
    // The header's zod schema, checked by the code generated from it (so reading a cache never loads zod).
    const header: unknown = JSON.parse(bytes.toString('utf8', 0, cut));
    if (!isCacheHeader(header)) return null;
    const body = bytes.subarray(cut + 1);
    if (header.cache !== kind.cache || header.format !== kind.format || header.version !== version || checksum(body) !== header.checksum) return null;
    return { header, body };
  } catch {
    return null;
  }
}

/**
 * The catalog of a content cache's body (see FORMAT): the index line parsed, each value parsed when first
 * read. Null when the index is not one (the checksum matched, so only a cache written wrong).
 */
function toCatalog(body: string): Catalog | null {
  try {
    const ends: number[] = [];
    for (let at = body.indexOf('\n'); at >= 0; at = body.indexOf('\n', at + 1)) ends.push(at);
    ends.push(body.length);
    const index = JSON.parse(body.slice(0, ends[0])) as StoredIndex;
    const { prompts, rubrics, issues, notices } = index;
    if (!Array.isArray(prompts) || !Array.isArray(rubrics) || !Array.isArray(issues) || !Array.isArray(notices)) return null;
    if (ends.length !== 1 + prompts.length + rubrics.length) return null;
    const line = (n: number) => () => JSON.parse(body.slice(ends[n]! + 1, ends[n + 1])) as unknown;
    return {
      prompts: new Map(prompts.map((e, i) => [e.id, lazyEntry<Prompt>(e, line(i))])),
      rubrics: new Map(rubrics.map((e, i) => [e.id, lazyEntry<Rubric>(e, line(prompts.length + i))])),
      issues,
      notices,
    };
  } catch {
    return null;
  }
}

/** A catalog entry whose value is parsed from its line on first read (and kept). */
function lazyEntry<T>(stored: StoredEntry, parse: () => unknown): Entry<T> {
  let value: T | undefined;
  return {
    file: stored.file,
    origin: stored.origin,
    overrides: stored.overrides,
    locate: nowhere,
    get value(): T {
      return (value ??= parse() as T);
    },
    set value(v: T) {
      value = v;
    },
  };
}

/** A content cache's body (see FORMAT): the index line, then each prompt's value, then each rubric's, one line each. */
function fromCatalog(catalog: Catalog): string {
  const entries = <T extends { id: string }>(map: ReadonlyMap<string, Entry<T>>) => [...map.values()];
  const prompts = entries(catalog.prompts);
  const rubrics = entries(catalog.rubrics);
  const meta = <T extends { id: string }>(e: Entry<T>): StoredEntry => ({ id: e.value.id, file: e.file, origin: e.origin, overrides: e.overrides });
  const index: StoredIndex = { prompts: prompts.map(meta), rubrics: rubrics.map(meta), issues: catalog.issues, notices: catalog.notices };
  // JSON.stringify escapes every line break inside a string, so each value is one line.
  return [JSON.stringify(index), ...prompts.map((e) => JSON.stringify(e.value)), ...rubrics.map((e) => JSON.stringify(e.value))].join('\n');
}

function portable(path: string): string {
  return path.split(sep).join('/');
}
