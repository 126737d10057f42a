import type { Prompt } from '../content/schema.js';
import { rubricsFor } from '../content/scope.js';
import { compiledFile, compiledKey, readCompiled, shippedCompiledFile, writeCompiled } from '../files/compiled-cache.js';
import { packageInfo } from '../package-root.js';
import { compileAllPhrases, compileRubrics, type CompiledScope } from '../scoring/compile.js';
import type { Loaded } from './load-content.js';

/**
 * The prompt's rubrics compiled for scoring: from the compiled-scoring cache when it holds this
 * content's and this build's (files/compiled-cache.ts); on a first run over the built-in content, from
 * the compiled form shipped with it; else compiled here. Cached for the next run. The same scope as
 * `compileRubrics(rubricsFor(catalog, prompt))`, only faster.
 */
export async function compiledScope(loaded: Pick<Loaded, 'catalog' | 'paths' | 'key' | 'shipped'>, prompt: Prompt): Promise<CompiledScope> {
  const rubrics = rubricsFor(loaded.catalog, prompt);
  const key = compiledKey(loaded.key, prompt.id);
  if (!key) return compileRubrics(rubrics);
  const { version } = packageInfo();
  const file = compiledFile(loaded.paths.cache, prompt.id);
  const known = readCompiled(file, key, version, prompt.id);
  if (known) return compileRubrics(rubrics, known);
  // A first run on the built-in content: the compiled form shipped with it, checked the same way.
  const shippedKey = loaded.shipped ? compiledKey(loaded.shipped, prompt.id) : null;
  const shipped = shippedKey ? readCompiled(shippedCompiledFile(loaded.paths.builtin, prompt.id), shippedKey, version, prompt.id) : null;
  const phrases = compileAllPhrases(rubrics, shipped ?? undefined);
  await writeCompiled(file, key, version, prompt.id, phrases);
  return compileRubrics(rubrics, phrases);
}
