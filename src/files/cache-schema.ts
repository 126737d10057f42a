import * as z from 'zod/mini';

/**
 * The first line of a cache file mlsd writes and reads back (the content cache, the shipped built-in
 * content). It names the format, the mlsd version, the key of what the cache was built from, and the
 * SHA-256 of the rest of the file, so that a cache that is stale, cut short, edited or written by another
 * version is rebuilt rather than trusted. Bundled with the part of zod it uses at build time. Not
 * compiled by zod (z.compile): each run checks one or two of these, and compiling costs more than that.
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

/**
 * One compiled rubric phrase in the compiled-scoring cache (compiled-cache.ts): its text, the raw words
 * and stems of its tokens, one flag a token ("-" plain, "w" a number wildcard, "o" an optional
 * article, "b" both), the stems of neighbouring words written as one, and for a concept reference the
 * word groups of each of its patterns.
 */
export const phraseFormSchema = z.tuple([
  z.string(),
  z.array(z.string()),
  z.array(z.string()),
  z.string().check(z.regex(/^[-wob]*$/)),
  z.array(z.nullable(z.string())),
  z.nullable(z.array(z.array(z.array(z.string())))),
]);

/** The body of a compiled-scoring cache file: the compiled form of every phrase of one prompt's rubrics. */
export const compiledBodySchema = z.strictObject({ prompt: z.string(), phrases: z.array(phraseFormSchema) });

export type PhraseForm = z.infer<typeof phraseFormSchema>;
export type CompiledBody = z.infer<typeof compiledBodySchema>;
