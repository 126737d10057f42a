import * as z from 'zod/mini';

/**
 * The first line of a cache file mlsd writes and reads back (the content cache, the shipped built-in
 * content). It names the format, the mlsd version, the key of what the cache was built from, and the
 * SHA-256 of the rest of the file, so that a cache that is stale, cut short, edited or written by another
 * version is rebuilt rather than trusted. This zod schema is the definition; at run time the check
 * generated from it (cache-header-check.generated.ts, `npm run generate`) is used instead, so reading a
 * cache on every `score` or `prompts list` never loads zod. A test keeps the two equal.
 */
export const cacheHeaderSchema = z.strictObject({
  cache: z.string(),
  format: z.number(),
  version: z.string(),
  key: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  /** The built-in files the shipped content was built from: name, size and SHA-256. */
  files: z.optional(z.array(z.tuple([z.string(), z.number(), z.string().check(z.regex(/^[0-9a-f]{64}$/))]))),
});

export type CacheHeader = z.infer<typeof cacheHeaderSchema>;
