import * as z from 'zod/mini';

/**
 * The header line of a V8 code cache file (code-cache.ts): the format, the node version that made the
 * data, the length and CRC-32 of the bundle it was made from, and the CRC-32 of the data after the line.
 * This zod schema is the definition; the cache is read with the check generated from it
 * (code-cache-check.generated.ts, `npm run generate`), since it is read before the CLI itself loads.
 */
export const codeCacheHeaderSchema = z.strictObject({
  format: z.number().check(z.int()),
  node: z.string(),
  /** The bundle's length in bytes. */
  length: z.number().check(z.int()),
  /** The bundle's CRC-32 (unsigned). */
  source: z.number().check(z.int()),
  /** The CRC-32 of the data after the header line. */
  data: z.number().check(z.int()),
});

export type CodeCacheHeader = z.infer<typeof codeCacheHeaderSchema>;
