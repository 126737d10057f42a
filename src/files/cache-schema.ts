/**
 * The first line of a cache file mlsd writes and reads back (the content cache, the shipped built-in
 * content, the compiled rubrics). It names the format, the mlsd version, the key of what the cache was
 * built from, and the SHA-256 of the rest of the file, so that a cache that is stale, cut short, edited or
 * written by another version is rebuilt rather than trusted.
 *
 * Checked with plain code rather than zod: every `score` and `prompts list` reads one or two of these,
 * and loading even zod/mini for them cost more than the check (about 1,000 lines of module to compile).
 * The checks are those of the zod schema it replaces: an object with exactly these fields, no others.
 */
export interface CacheHeader {
  cache: string;
  format: number;
  version: string;
  /** 64 lowercase hex digits. */
  key: string;
  /** The SHA-256 of the body, 64 lowercase hex digits. */
  sha256: string;
  /** The built-in files the shipped content was built from: name, size and SHA-256. */
  files?: Array<[string, number, string]>;
}

const HEX64 = /^[0-9a-f]{64}$/;
const FIELDS = new Set(['cache', 'format', 'version', 'key', 'sha256', 'files']);

const isHex64 = (v: unknown): v is string => typeof v === 'string' && HEX64.test(v);

function isFileEntry(v: unknown): v is [string, number, string] {
  return Array.isArray(v) && v.length === 3 && typeof v[0] === 'string' && typeof v[1] === 'number' && isHex64(v[2]);
}

/** The header when `value` (a parsed JSON line) is one; null otherwise (a missing, extra or ill-typed field). */
export function parseCacheHeader(value: unknown): CacheHeader | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  if (Object.keys(v).some((k) => !FIELDS.has(k))) return null;
  if (typeof v.cache !== 'string' || typeof v.format !== 'number' || typeof v.version !== 'string') return null;
  if (!isHex64(v.key) || !isHex64(v.sha256)) return null;
  if (v.files !== undefined && !(Array.isArray(v.files) && v.files.every(isFileEntry))) return null;
  const header: CacheHeader = { cache: v.cache, format: v.format, version: v.version, key: v.key, sha256: v.sha256 };
  if (v.files !== undefined) header.files = v.files as Array<[string, number, string]>;
  return header;
}
