import * as z from 'zod/mini';

/**
 * The first line of a cache file mlsd writes and reads back (the content cache, the shipped built-in
 * content, the compiled scoring form). It names the format, the mlsd version, the key of what the cache was
 * built from, and the checksum of the rest of the file (checksum.ts: CRC-32 and length), so that a cache that
 * is stale, cut short, edited or written by another version is rebuilt rather than trusted. This zod schema is the definition; at run time the check
 * generated from it (cache-header-check.generated.ts, `npm run generate`) is used instead, so reading a
 * cache on every `score` or `prompts list` never loads zod. A test keeps the two equal.
 */
export const cacheHeaderSchema = z.strictObject({
  cache: z.string(),
  format: z.number(),
  version: z.string(),
  key: z.string().check(z.regex(/^[0-9a-f]{16}$/)),
  checksum: z.string().check(z.regex(/^[0-9a-f]{16}$/)),
  /** The built-in files the shipped content was built from: name, size and checksum. */
  files: z.optional(z.array(z.tuple([z.string(), z.number(), z.string().check(z.regex(/^[0-9a-f]{16}$/))]))),
  /** A content cache holding exactly the shipped built-in content: that content's key (so its shipped compiled forms serve). */
  shipped: z.optional(z.string().check(z.regex(/^[0-9a-f]{16}$/))),
});

export type CacheHeader = z.infer<typeof cacheHeaderSchema>;
