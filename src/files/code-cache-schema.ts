import * as z from 'zod/mini';

/** One file of the CommonJS bundle in a code cache (code-cache.ts): which file, and where its data lies. */
const cachedChunkSchema = z.strictObject({
  /** The file's name in the bundle's folder (dist/cjs), e.g. "cli.cjs". */
  name: z.string(),
  /** The file's length in bytes. */
  length: z.number().check(z.int()),
  /** The file's CRC-32 (unsigned). */
  source: z.number().check(z.int()),
  /** How many bytes of V8's data after the header line are this file's (they follow the files before it). */
  size: z.number().check(z.int()),
  /** The CRC-32 of those bytes. */
  data: z.number().check(z.int()),
});

/**
 * The header line of a V8 code cache file (code-cache.ts): the format, the node version that made the
 * data, and for each file of the bundle the command loaded, in the order of its data after the line,
 * that file's length and CRC-32 and the size and CRC-32 of its data.
 * This zod schema is the definition; the cache is read with the check generated from it
 * (code-cache-check.generated.ts, `npm run generate`), since it is read before the CLI itself loads.
 */
export const codeCacheHeaderSchema = z.strictObject({
  format: z.number().check(z.int()),
  node: z.string(),
  chunks: z.array(cachedChunkSchema),
});

export type CodeCacheHeader = z.infer<typeof codeCacheHeaderSchema>;
