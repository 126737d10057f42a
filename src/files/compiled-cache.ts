import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildId } from '../build-id.js';
import type { CompiledPhrase, PhraseToken, VocabularyForm } from '../scoring/phrase.js';
import { KEEP_FREE_FOR_SESSIONS, writeFileAtomic } from './atomic.js';
import { cacheText, readCacheBody, sha256, type CacheKind } from './content-cache.js';

/**
 * The compiled scoring form of a prompt's rubrics (every phrase tokenised and stemmed, its joins and
 * concept patterns worked out, the prompt's clarification patterns likewise, and the rubric set's
 * misspelling vocabulary), kept in the cache directory beside the content cache so that `score`
 * does not compile the rubrics on every run (about as long as starting node).
 *
 * One file per prompt, keyed by the content cache's key (any edit of any prompt or rubric file, a new
 * file, another version: see content-cache.ts), the build id (a change of the scoring code under the
 * same version: build-id.ts) and the prompt. The header carries the SHA-256 of the body (checked with
 * field by field, cache-schema.ts), and the body's shape is checked on read (`isBody`: plain checks, as a zod
 * schema of its 600 phrases costs more than compiling them); a file that fails anything is ignored
 * and rewritten. Phrases that are not in the file are compiled as usual, so a stale file can cost time,
 * never a wrong score. Without a build id (the sources run directly, as in tests) nothing is cached.
 */

// Format 2 added the vocabulary and the clarification patterns.
const KIND: CacheKind = { cache: 'mlsd-compiled', format: 2 };

/**
 * One compiled phrase as stored: its text, the raw words and stems of its tokens, one flag a token
 * ("-" plain, "w" a number wildcard, "o" an optional article, "b" both), the stems of neighbouring words
 * written as one (null where none), and for a concept reference the word groups of each of its patterns.
 */
export type PhraseForm = [string, string[], string[], string, Array<string | null>, string[][][] | null];

/** What a compiled-scoring file holds, read back: the compiled phrases by text, and the vocabulary's form. */
export interface CompiledFile {
  phrases: Map<string, CompiledPhrase>;
  vocabulary: VocabularyForm;
}

/** The body of a compiled-scoring file: the compiled form of every phrase of one prompt's rubrics and clarifications, and the vocabulary. */
interface CompiledBody {
  prompt: string;
  phrases: PhraseForm[];
  vocabulary: VocabularyForm;
}

const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Whether a parsed body has the shape written by writeCompiled. */
function isBody(v: unknown): v is CompiledBody {
  if (!v || typeof v !== 'object' || !('prompt' in v) || !('phrases' in v) || !('vocabulary' in v) || Object.keys(v).length !== 3) return false;
  return typeof v.prompt === 'string' && Array.isArray(v.phrases) && v.phrases.every(isPhraseForm) && isVocabularyForm(v.vocabulary);
}

function isVocabularyForm(v: unknown): v is VocabularyForm {
  if (!v || typeof v !== 'object' || !('stems' in v) || !('words' in v) || !('long' in v) || Object.keys(v).length !== 3) return false;
  if (!strings(v.stems) || !strings(v.words) || !Array.isArray(v.long)) return false;
  // The words must be sorted (startsWord bisects them), and each long word have a stem.
  for (let i = 1; i < v.words.length; i++) if (!(v.words[i - 1]! < v.words[i]!)) return false;
  // Buckets of long words, each a key and its [word, stem] pairs (a stem is never empty).
  return v.long.every((b) => Array.isArray(b) && b.length === 2 && typeof b[0] === 'string' && Array.isArray(b[1]) && (b[1] as unknown[]).every((e) => strings(e) && e.length === 2 && e[1]!.length > 0));
}

function isPhraseForm(v: unknown): v is PhraseForm {
  if (!Array.isArray(v) || v.length !== 6) return false;
  const [text, raws, stems, flags, joins, concept] = v as unknown[];
  if (typeof text !== 'string' || !strings(raws) || !strings(stems) || typeof flags !== 'string' || !/^[-wob]*$/.test(flags)) return false;
  if (!Array.isArray(joins) || !joins.every((j) => j === null || typeof j === 'string')) return false;
  return concept === null || (Array.isArray(concept) && concept.every((p) => Array.isArray(p) && p.every(strings)));
}

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

/** The compiled phrases of the file, by text, and the vocabulary, when it holds this key's; null otherwise. */
export function readCompiled(file: string, key: string, version: string, promptId: string): CompiledFile | null {
  try {
    const body = readCacheBody(file, KIND, version, key);
    if (body === null) return null;
    const parsed: unknown = JSON.parse(body);
    if (!isBody(parsed) || parsed.prompt !== promptId) return null;
    const phrases = new Map<string, CompiledPhrase>();
    for (const form of parsed.phrases) {
      const phrase = fromForm(form);
      if (!phrase) return null;
      phrases.set(phrase.text, phrase);
    }
    return { phrases, vocabulary: parsed.vocabulary };
  } catch {
    return null;
  }
}

/** Best effort, like the content cache: disposable, skipped when the disk is nearly full, not flushed. */
export async function writeCompiled(file: string, key: string, version: string, promptId: string, { phrases, vocabulary }: { phrases: ReadonlyMap<string, CompiledPhrase>; vocabulary: VocabularyForm }): Promise<void> {
  const stored: CompiledBody = { prompt: promptId, phrases: [...phrases.values()].map(toForm), vocabulary };
  const body = JSON.stringify(stored);
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
