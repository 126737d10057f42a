import type { Prompt } from '../content/schema.js';
import { rubricsFor } from '../content/scope.js';
import { compiledFile, compiledKey, readCompiled, shippedCompiledFile, writeCompiled } from '../files/compiled-cache.js';
import { mayWriteCache } from '../files/cache-place.js';
import { packageInfo } from '../package-root.js';
import { compiledForm, compileRubrics, type CompiledScope } from '../scoring/compile.js';
import { Vocabulary } from '../scoring/phrase.js';
import { rememberStems } from '../scoring/stem.js';
import { clarificationPatterns } from '../scoring/topics.js';
import type { Loaded } from './load-content.js';

/**
 * The prompt's rubrics compiled for scoring: when the content is the built-in content shipped pre-parsed
 * (this run read it, or the content cache is a copy of it), from the compiled form shipped with it; else
 * from the compiled-scoring cache when it holds this content's and this build's (files/compiled-cache.ts);
 * else compiled here and cached for the next run. Each file is checked (key, version, checksum, shape)
 * before it is used. The same scope as `compileRubrics(rubricsFor(catalog, prompt))`, only faster.
 */
export function compiledScope(loaded: Pick<Loaded, 'catalog' | 'paths' | 'key' | 'shipped'>, prompt: Prompt): CompiledScope {
  const rubrics = rubricsFor(loaded.catalog, prompt);
  const key = compiledKey(loaded.key, prompt.id);
  if (!key) return compileRubrics(rubrics);
  const { version } = packageInfo();
  // The shipped form is read in place, never copied into the cache directory: a first run writes nothing for it.
  const shippedKey = loaded.shipped ? compiledKey(loaded.shipped, prompt.id) : null;
  const shipped = shippedKey ? readCompiled(shippedCompiledFile(loaded.paths.builtin, prompt.id), shippedKey, version, prompt.id) : null;
  const file = compiledFile(loaded.paths.cache, prompt.id);
  const known = shipped ?? readCompiled(file, key, version, prompt.id);
  // Phrases compiled before carry the stems of their words: the answer's words need not be stemmed again.
  if (known) {
    rememberStems(known.stems);
    return compileRubrics(rubrics, known.phrases, new Vocabulary(known.vocabulary));
  }
  const form = compiledForm(rubrics, clarificationPatterns(prompt.clarifications));
  if (mayWriteCache(loaded.paths)) writeCompiled(file, key, version, prompt.id, { phrases: form.phrases, vocabulary: form.vocabulary.toForm() });
  return compileRubrics(rubrics, form.phrases, form.vocabulary);
}
