import { join } from 'node:path';
import { buildId } from '../build-id.js';
import type { CompiledPhrase, PhraseToken, VocabularyForm } from '../scoring/phrase.js';
import { KEEP_FREE_FOR_SESSIONS } from './atomic.js';
import { writeDisposableSync } from './atomic-sync.js';
import { checksum } from './checksum.js';
import { cacheText, readCacheBody, type CacheKind } from './content-cache.js';

/**
 * The compiled scoring form of a prompt's rubrics (every phrase tokenised and stemmed, its joins and
 * concept patterns worked out, the prompt's clarification patterns likewise, and the rubric set's
 * misspelling vocabulary), kept in the cache directory beside the content cache so that `score`
 * does not compile the rubrics on every run (about as long as starting node).
 *
 * One file per prompt, keyed by the content cache's key (any edit of any prompt or rubric file, a new
 * file, another version: see content-cache.ts), the build id (a change of the scoring code under the
 * same version: build-id.ts) and the prompt. The header carries the checksum of the body (checksum.ts) (checked with
 * field by field, cache-schema.ts), and the body's shape is checked on read (`isBody`: plain checks, as a zod
 * schema of its 600 phrases costs more than compiling them); a file that fails anything is ignored
 * and rewritten. Phrases that are not in the file are compiled as usual, so a stale file can cost time,
 * never a wrong score. Without a build id (the sources run directly, as in tests) nothing is cached.
 */

// Format 2 added the vocabulary and the clarification patterns; format 3 stores phrases as the objects
// the scorer uses, and the stems of the phrase words once each.
const KIND: CacheKind = { cache: 'mlsd-compiled', format: 3 };

/**
 * One compiled phrase as stored: the CompiledPhrase itself (its text, tokens and joins), with a concept
 * reference's word groups as lists instead of sets. JSON.parse builds these objects as the scorer uses
 * them, so restoring one is a check of its fields, not a copy.
 */
export interface PhraseForm {
  text: string;
  tokens: PhraseToken[];
  joins: Array<string | null>;
  concept?: string[][][];
}

/** What a compiled-scoring file holds, read back: the compiled phrases by text, the vocabulary's form, and each phrase word's stem. */
export interface CompiledFile {
  phrases: Map<string, CompiledPhrase>;
  vocabulary: VocabularyForm;
  /** The stem of every word of the phrases (concept references aside), by word: stemWord's own (`rememberStems`). */
  stems: Map<string, string>;
}

/** The body of a compiled-scoring file: the compiled form of every phrase of one prompt's rubrics and clarifications, the vocabulary, and the phrase words' stems. */
interface CompiledBody {
  prompt: string;
  phrases: PhraseForm[];
  stems: Array<[word: string, stem: string]>;
  vocabulary: VocabularyForm;
}

function strings(v: unknown): v is string[] {
  if (!Array.isArray(v)) return false;
  for (const x of v as unknown[]) if (typeof x !== 'string') return false;
  return true;
}

/** Whether a parsed body has the shape written by writeCompiled, its phrases aside (checked as they are restored: `fromForm`). */
function isBody(v: unknown): v is CompiledBody {
  if (!v || typeof v !== 'object' || !('prompt' in v) || !('phrases' in v) || !('stems' in v) || !('vocabulary' in v) || Object.keys(v).length !== 4) return false;
  return typeof v.prompt === 'string' && Array.isArray(v.phrases) && isStemPairs(v.stems) && isVocabularyForm(v.vocabulary);
}

function isStemPairs(v: unknown): v is Array<[string, string]> {
  if (!Array.isArray(v)) return false;
  for (const pair of v as unknown[]) {
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string' || typeof pair[1] !== 'string' || pair[1] === '') return false;
  }
  return true;
}

function isVocabularyForm(v: unknown): v is VocabularyForm {
  if (!v || typeof v !== 'object' || !('stems' in v) || !('words' in v) || !('long' in v) || Object.keys(v).length !== 3) return false;
  if (!strings(v.stems) || !strings(v.words) || !Array.isArray(v.long)) return false;
  // The words must be sorted (startsWord bisects them), and each long word have a stem.
  for (let i = 1; i < v.words.length; i++) if (!(v.words[i - 1]! < v.words[i]!)) return false;
  // Buckets of long words, each a key and its [word, stem] pairs (a stem is never empty).
  for (const b of v.long as unknown[]) {
    if (!Array.isArray(b) || b.length !== 2 || typeof b[0] !== 'string' || !isStemPairs(b[1])) return false;
  }
  return true;
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
  return contentKey && build ? checksum(JSON.stringify([KIND.format, contentKey, build, promptId])) : null;
}

/** The compiled phrases of the file, by text, the vocabulary and the phrase words' stems, when it holds this key's; null otherwise. */
export function readCompiled(file: string, key: string, version: string, promptId: string): CompiledFile | null {
  try {
    const body = readCacheBody(file, KIND, version, key);
    if (body === null) return null;
    const parsed: unknown = JSON.parse(body);
    if (!isBody(parsed) || parsed.prompt !== promptId) return null;
    const phrases = new Map<string, CompiledPhrase>();
    for (const form of parsed.phrases as unknown[]) {
      const phrase = fromForm(form);
      if (!phrase) return null;
      phrases.set(phrase.text, phrase);
    }
    return { phrases, vocabulary: parsed.vocabulary, stems: new Map(parsed.stems) };
  } catch {
    return null;
  }
}

/**
 * Best effort, like the content cache (and written the same way, files/atomic-sync.ts): disposable, skipped
 * when the disk is nearly full, not flushed, written at once without the thread pool.
 */
export function writeCompiled(file: string, key: string, version: string, promptId: string, { phrases, vocabulary }: { phrases: ReadonlyMap<string, CompiledPhrase>; vocabulary: VocabularyForm }): void {
  const stored: CompiledBody = { prompt: promptId, phrases: [...phrases.values()].map(toForm), stems: [...phraseStems(phrases.values())], vocabulary };
  try {
    writeDisposableSync(file, cacheText(KIND, key, version, JSON.stringify(stored)), KEEP_FREE_FOR_SESSIONS);
  } catch {
    // read-only cache directory, full disk: the next run compiles again
  }
}

/** The stem of each word of the phrases (concept references aside, whose pseudo word is no word), by word, in the order met. */
export function phraseStems(phrases: Iterable<CompiledPhrase>): Map<string, string> {
  const stems = new Map<string, string>();
  for (const phrase of phrases) if (!phrase.concept) for (const token of phrase.tokens) if (!stems.has(token.raw)) stems.set(token.raw, token.stem);
  return stems;
}

function toForm(phrase: CompiledPhrase): PhraseForm {
  const tokens = phrase.tokens.map(({ raw, stem, wildcard, optional }): PhraseToken => ({ raw, stem, wildcard, optional }));
  const form: PhraseForm = { text: phrase.text, tokens, joins: phrase.joins };
  if (phrase.concept) form.concept = phrase.concept.map((pattern) => pattern.map((group) => [...group]));
  return form;
}

const PHRASE_KEYS = new Set(['text', 'tokens', 'joins', 'concept']);

/**
 * A compiled phrase from its stored form, checked field by field in plain loops (a phrase a pass, no
 * copy of its tokens); null when it is not one: a field of the wrong type, a token list and join list
 * of different lengths.
 */
function fromForm(v: unknown): CompiledPhrase | null {
  if (!v || typeof v !== 'object') return null;
  const form = v as Record<string, unknown>;
  for (const field in form) if (!PHRASE_KEYS.has(field)) return null;
  const { text, tokens, joins, concept } = form;
  if (typeof text !== 'string' || !Array.isArray(tokens) || !Array.isArray(joins) || joins.length !== tokens.length) return null;
  for (let k = 0; k < tokens.length; k++) {
    if (!isPhraseToken(tokens[k])) return null;
    const join: unknown = joins[k];
    if (join !== null && typeof join !== 'string') return null;
  }
  const phrase = { text, tokens: tokens as PhraseToken[], joins: joins as Array<string | null> };
  if (concept === undefined) return phrase;
  if (!Array.isArray(concept) || !concept.every((p) => Array.isArray(p) && p.every(strings))) return null;
  return { ...phrase, concept: (concept as string[][][]).map((pattern) => pattern.map((group) => new Set(group))) };
}

function isPhraseToken(v: unknown): v is PhraseToken {
  if (!v || typeof v !== 'object') return false;
  const t = v as Record<string, unknown>;
  return typeof t.raw === 'string' && typeof t.stem === 'string' && typeof t.wildcard === 'boolean' && typeof t.optional === 'boolean';
}
