import { error, warning, FRAMEWORK_RUBRIC, type RubricCheck } from '../content/catalog.js';
import type { ContentIssue } from '../content/parse.js';
import { closest } from '../text/closest.js';
import { compilePhrase, conceptIds, isConceptReference } from './phrase.js';

/**
 * The checks of a rubric's phrases that need the reader, passed to `buildCatalog` by whoever loads
 * content for use (commands, the build): a concept reference the lexicon lacks and a phrase with no
 * words are errors; a phrase that matches the same words as another of the item, of another item, or
 * of a framework item is a warning (one sentence would earn both). Issues name file, line, field.
 */
export const checkRubricPhrases: RubricCheck = (entry, catalog) => {
  const issues: ContentIssue[] = [];
  const rubric = entry.value;
  const framework = catalog.rubrics.get(FRAMEWORK_RUBRIC)?.value;
  // Every prompt is scored against the framework too, so a phrase both rubrics hold credits two items.
  const frameworkPhrases = new Map<string, string>();
  if (framework && rubric.id !== FRAMEWORK_RUBRIC) {
    for (const item of framework.items) for (const phrase of item.phrases) frameworkPhrases.set(phraseKey(phrase), item.id);
  }
  const concepts = conceptIds();
  const phraseOwner = new Map<string, string>();
  for (const [i, item] of rubric.items.entries()) {
    const seenPhrases = new Set<string>();
    for (const [j, phrase] of item.phrases.entries()) {
      const at = entry.locate(['items', i, 'phrases', j]);
      const field = `items[${i}].phrases[${j}]`;
      const key = phraseKey(phrase);
      const shared = frameworkPhrases.get(key);
      const problem = phraseProblem(phrase, concepts);
      if (problem) {
        issues.push(error(entry.file, at, field, problem));
      } else if (seenPhrases.has(key)) {
        issues.push(warning(entry.file, at, field, `phrase "${phrase}" matches the same words as an earlier phrase of this item`));
      } else if (phraseOwner.has(key) && phraseOwner.get(key) !== item.id) {
        issues.push(warning(entry.file, at, field, `phrase "${phrase}" is also a phrase of item "${phraseOwner.get(key)}", so one sentence would earn both; keep it in one of them`));
      } else if (shared) {
        issues.push(warning(entry.file, at, field, `phrase "${phrase}" is also a phrase of the "${FRAMEWORK_RUBRIC}" item "${shared}", so one sentence would earn both; keep it in one of them`));
      }
      seenPhrases.add(key);
      if (!phraseOwner.has(key)) phraseOwner.set(key, item.id);
    }
  }
  return issues;
};

/**
 * What makes one phrase an error wherever it is (an unknown concept reference, no words to match), in the
 * words `validate` uses; null when it can be matched. `prompts new` / `rubrics new` check each phrase typed
 * with it. `concepts`: the lexicon's concept ids (looked up when not given).
 */
export function phraseProblem(phrase: string, concepts: readonly string[] = conceptIds()): string | null {
  if (isConceptReference(phrase) && !concepts.includes(phrase.trim().slice(1))) {
    const near = closest(phrase.trim().slice(1), concepts);
    return `unknown concept "${phrase.trim()}"${near ? ` (did you mean "@${near}"?)` : ''}: expected one of the lexicon's concepts (${concepts.map((c) => `@${c}`).join(', ')})`;
  }
  if (!phraseKey(phrase)) return `phrase "${phrase}" has no letters or digits, so it can never match`;
  return null;
}

/** The stems a phrase matches on, joined: two phrases with one key match the same words. */
function phraseKey(phrase: string): string {
  return compilePhrase(phrase).tokens.map((t) => t.stem).join(' ');
}
