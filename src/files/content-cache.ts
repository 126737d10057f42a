import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Catalog, ContentKind, Entry, Origin } from '../content/catalog.js';
import type { ContentIssue } from '../content/parse.js';
import type { Prompt, Rubric } from '../content/schema.js';
import { KEEP_FREE_FOR_SESSIONS } from './atomic.js';
import { writeDisposableSync } from './atomic-sync.js';
import { isCacheHeader } from './cache-header-check.generated.js';
import type { CacheHeader } from './cache-schema.js';
import type { Place } from './content-files.js';

/**
 * The validated catalog kept on disk, so that `prompts list` and `score` skip parsing YAML and loading
 * the schema library when no content file changed. Two files of one format:
 *
 * - the content cache in the user's cache directory, keyed by every content file's path, size and
 *   modification time plus the mlsd version: any edit, new file or upgrade rebuilds it;
 * - the built-in content pre-parsed at `npm run build` (dist/content/builtin.json), keyed by the SHA-256 of
 *   each built-in file, so that a first run, or the first after an upgrade, does not parse YAML either.
 *
 * Each starts with a header line (cache-schema.ts, checked by the code generated from its zod schema) holding the format, the version, the
 * key and the SHA-256 of the rest; a file that fails any check is ignored and rebuilt. `validate` never
 * uses either.
 */

const FORMAT = 2;
const CACHE = 'mlsd-content';
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

/** The key of a listing: any change of a file, the set of files or the version changes it. */
export function cacheKey(version: string, listing: ReadonlyArray<Listed | string>): string {
  return sha256(JSON.stringify([FORMAT, version, listing]));
}

interface Stored {
  prompts: Array<Omit<Entry<Prompt>, 'locate'>>;
  rubrics: Array<Omit<Entry<Rubric>, 'locate'>>;
  issues: ContentIssue[];
  notices: string[];
}

const nowhere = () => ({ line: 1, col: 1 });

/** The cached catalog for this key and version, or null when there is none or it fails a check. */
export function readCache(file: string, key: string, version: string): Catalog | null {
  const read = readChecked(file, version);
  return read && read.header.key === key ? toCatalog(read.body) : null;
}

/**
 * Best effort: a cache that cannot be written only makes the next start slower. Disposable, so it is
 * skipped when the disk is nearly full (it never takes a session's room) and not flushed to the disk:
 * a cache cut short by a crash fails its hash and is rebuilt. Written at once (no thread-pool round
 * trips: the command waits for nothing else meanwhile).
 */
export function writeCache(file: string, key: string, version: string, catalog: Catalog): void {
  try {
    writeDisposableSync(file, serialize(key, version, JSON.stringify(fromCatalog(catalog))), KEEP_FREE_FOR_SESSIONS);
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
 * names, sizes and SHA-256) and the version matches; null otherwise.
 */
export function readShipped(builtin: string, version: string, listing: ReadonlyArray<Listed | string>): Catalog | null {
  return readShippedContent(builtin, version, listing)?.catalog ?? null;
}

/** readShipped, with the key of the shipped content (the SHA-256 of its files' names, sizes and hashes). */
export function readShippedContent(builtin: string, version: string, listing: ReadonlyArray<Listed | string>): { catalog: Catalog; key: string } | null {
  const read = readChecked(shippedFile(builtin), version);
  const files = read?.header.files;
  if (!read || !files) return null;
  const mine = listing.filter((l): l is Listed => typeof l !== 'string' && l.origin === 'built-in');
  if (mine.length !== files.length) return null;
  const bySize = new Map(files.map(([name, size, hash]) => [name, { size, hash }]));
  for (const l of mine) {
    const want = bySize.get(portable(relative(builtin, l.file)));
    if (!want || want.size !== l.size) return null;
  }
  for (const l of mine) {
    try {
      if (sha256(readFileSync(l.file)) !== bySize.get(portable(relative(builtin, l.file)))!.hash) return null;
    } catch {
      return null;
    }
  }
  const root = JSON.stringify(builtin.endsWith(sep) ? builtin : builtin + sep).slice(1, -1);
  const catalog = toCatalog(read.body.replaceAll(ROOT, root));
  return catalog ? { catalog, key: read.header.key } : null;
}

/** The text of dist/content/builtin.json, for the build: the catalog of the built-in files, paths relative. */
export function shippedContent(builtin: string, version: string, files: ReadonlyArray<{ file: string; text: string }>, catalog: Catalog): string {
  const root = JSON.stringify(builtin.endsWith(sep) ? builtin : builtin + sep).slice(1, -1);
  const body = JSON.stringify(fromCatalog(catalog)).replaceAll(root, ROOT);
  const manifest: Array<[string, number, string]> = files
    .map((f): [string, number, string] => [portable(relative(builtin, f.file)), Buffer.byteLength(f.text), sha256(f.text)])
    .sort((a, b) => a[0].localeCompare(b[0]));
  return serialize(sha256(JSON.stringify(manifest)), version, body, manifest);
}

function serialize(key: string, version: string, body: string, files?: CacheHeader['files']): string {
  return cacheText({ cache: CACHE, format: FORMAT }, key, version, body, files);
}

/** What names a kind of cache file in its header: which cache, and the format of its body. */
export interface CacheKind {
  cache: string;
  format: number;
}

/** A cache file's text: the header line (with the SHA-256 of the body), then the body. */
export function cacheText(kind: CacheKind, key: string, version: string, body: string, files?: CacheHeader['files']): string {
  const header: CacheHeader = { cache: kind.cache, format: kind.format, version, key, sha256: sha256(body), ...(files ? { files } : {}) };
  return `${JSON.stringify(header)}\n${body}`;
}

/**
 * The body of a cache file whose header is valid, names this kind of cache, this format, version and
 * key, and whose body matches its hash; null otherwise (missing, stale, cut short, edited, another version).
 */
export function readCacheBody(file: string, kind: CacheKind, version: string, key: string): string | null {
  const read = readChecked(file, version, kind);
  return read && read.header.key === key ? read.body : null;
}

/** A cache file whose header is valid, of this format and version, and whose body matches its hash. */
function readChecked(file: string, version: string, kind: CacheKind = { cache: CACHE, format: FORMAT }): { header: CacheHeader; body: string } | null {
  try {
    // Only a regular file of a sane size: a FIFO would block, a link to a device would never end.
    const info = statSync(file, { throwIfNoEntry: false });
    if (!info?.isFile() || info.size > MAX_CACHE_BYTES) return null;
    const text = readFileSync(file, 'utf8');
    const cut = text.indexOf('\n');
    if (cut < 0) return null;
    // The header's zod schema, checked by the code generated from it (so reading a cache never loads zod).
    const header: unknown = JSON.parse(text.slice(0, cut));
    if (!isCacheHeader(header)) return null;
    const body = text.slice(cut + 1);
    if (header.cache !== kind.cache || header.format !== kind.format || header.version !== version || sha256(body) !== header.sha256) return null;
    return { header, body };
  } catch {
    return null;
  }
}

function toCatalog(body: string): Catalog | null {
  try {
    const stored = JSON.parse(body) as Stored;
    return {
      prompts: new Map(stored.prompts.map((e) => [e.value.id, { ...e, locate: nowhere }])),
      rubrics: new Map(stored.rubrics.map((e) => [e.value.id, { ...e, locate: nowhere }])),
      issues: stored.issues,
      notices: stored.notices,
    };
  } catch {
    return null;
  }
}

function fromCatalog(catalog: Catalog): Stored {
  const strip = <T>({ locate: _locate, ...rest }: Entry<T>) => rest;
  return {
    prompts: [...catalog.prompts.values()].map(strip),
    rubrics: [...catalog.rubrics.values()].map(strip),
    issues: catalog.issues,
    notices: catalog.notices,
  };
}

/** The SHA-256 of text or bytes, in hex. */
export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function portable(path: string): string {
  return path.split(sep).join('/');
}
