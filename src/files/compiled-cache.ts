import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildId } from '../build-id.js';
import type { Rubric } from '../content/schema.js';
import { compilePhrase, type CompiledPhrase, type PhraseToken } from '../scoring/phrase.js';
import { KEEP_FREE_FOR_SESSIONS, writeFileAtomic } from './atomic.js';
import { compiledBodySchema, type PhraseForm } from './cache-schema.js';
import { cacheText, readCacheBody, sha256, type CacheKind } from './content-cache.js';

/**
 * The compiled scoring form of a prompt's rubrics (every phrase tokenised and stemmed, its joins and
 * concept patterns worked out), kept in the cache directory beside the content cache so that `score`
 * does not compile the rubrics on every run (about as long as starting node).
 *
 * One file per prompt, keyed by the content cache's key (any edit of any prompt or rubric file, a new
 * file, another version: see content-cache.ts), the build id (a change of the scoring code under the
 * same version: build-id.ts) and the prompt. The header carries the SHA-256 of the body, and the body is
 * checked with its schema (cache-schema.ts) on read; a file that fails anything is ignored and
 * rewritten. Phrases that are not in the file are compiled as usual, so a stale file can cost time,
 * never a wrong score. Without a build id (the sources run directly, as in tests) nothing is cached.
 */

const KIND: CacheKind = { cache: 'mlsd-compiled', format: 1 };

/** Where the compiled form of a prompt's rubrics is kept (prompt ids are plain names). */
export function compiledFile(cacheDir: string, promptId: string): string {
  return join(cacheDir, 'compiled', `${promptId}.json`);
}

/**
 * Where `npm run build` ships the compiled form of a built-in prompt's rubrics (keyed by the shipped
 * content's key instead of the content cache's), so a first run does not compile either.
 */
export function shippedCompiledFile(builtin: string, promptId: string): string {
  return join(builtin, 'dist', 'content', 'compiled', `${promptId}.json`);
}

/** The key of a compiled form: content, code and prompt. Null when there is nothing to key by. */
export function compiledKey(contentKey: string, promptId: string, build: string | null = buildId()): string | null {
  return contentKey && build ? sha256(JSON.stringify([KIND.format, contentKey, build, promptId])) : null;
}

/** The compiled phrases of the file, by text, when it holds this key's; null otherwise. */
export function readCompiled(file: string, key: string, version: string, promptId: string): Map<string, CompiledPhrase> | null {
  try {
    const body = readCacheBody(file, KIND, version, key);
    if (body === null) return null;
    const parsed = compiledBodySchema.safeParse(JSON.parse(body));
    if (!parsed.success || parsed.data.prompt !== promptId) return null;
    const phrases = new Map<string, CompiledPhrase>();
    for (const form of parsed.data.phrases) {
      const phrase = fromForm(form);
      if (!phrase) return null;
      phrases.set(phrase.text, phrase);
    }
    return phrases;
  } catch {
    return null;
  }
}

/** Every phrase text of the rubrics, compiled, with those already compiled in `known` taken from it. */
export function compileAllPhrases(rubrics: readonly Rubric[], known?: ReadonlyMap<string, CompiledPhrase>): Map<string, CompiledPhrase> {
  const out = new Map<string, CompiledPhrase>();
  const add = (text: string) => {
    if (!out.has(text)) out.set(text, known?.get(text) ?? compilePhrase(text));
  };
  for (const rubric of rubrics) {
    for (const item of rubric.items) item.phrases.forEach(add);
    for (const flag of rubric.redFlags) [flag.phrases, flag.unless, flag.near, flag.unlessNear].forEach((list) => list.forEach(add));
  }
  return out;
}

/** Best effort, like the content cache: disposable, skipped when the disk is nearly full, not flushed. */
export async function writeCompiled(file: string, key: string, version: string, promptId: string, phrases: ReadonlyMap<string, CompiledPhrase>): Promise<void> {
  const body = JSON.stringify({ prompt: promptId, phrases: [...phrases.values()].map(toForm) });
  try {
    await writeFileAtomic(file, cacheText(KIND, key, version, body), {
      keepFree: KEEP_FREE_FOR_SESSIONS,
      write: (path, content) => writeFile(path, content, { flag: 'wx', mode: 0o600 }),
    });
  } catch {
    // read-only cache directory, full disk: the next run compiles again
  }
}

const FLAG = { '-': [false, false], w: [true, false], o: [false, true], b: [true, true] } as const;

function toForm(phrase: CompiledPhrase): PhraseForm {
  const flags = phrase.tokens.map((t) => (t.wildcard ? (t.optional ? 'b' : 'w') : t.optional ? 'o' : '-')).join('');
  const concept = phrase.concept ? phrase.concept.map((pattern) => pattern.map((group) => [...group])) : null;
  return [phrase.text, phrase.tokens.map((t) => t.raw), phrase.tokens.map((t) => t.stem), flags, phrase.joins, concept];
}

/** A compiled phrase from its stored form; null when the parts do not fit together. */
function fromForm([text, raws, stems, flags, joins, concept]: PhraseForm): CompiledPhrase | null {
  if (stems.length !== raws.length || flags.length !== raws.length || joins.length !== raws.length) return null;
  const tokens: PhraseToken[] = raws.map((raw, k) => {
    const [wildcard, optional] = FLAG[flags[k] as keyof typeof FLAG];
    return { raw, stem: stems[k]!, wildcard, optional };
  });
  return concept ? { text, tokens, joins, concept: concept.map((pattern) => pattern.map((group) => new Set(group))) } : { text, tokens, joins };
}
