import type { Catalog } from '../content/catalog.js';
import type { Prompt, Rubric } from '../content/schema.js';
import { CliError, EXIT } from '../errors.js';
import { closest } from '../text/closest.js';

export function findPrompt(catalog: Catalog, id: string): Prompt {
  const entry = catalog.prompts.get(id);
  if (entry) return entry.value;
  throw unknown('prompt', id, [...catalog.prompts.keys()], 'mlsd prompts list');
}

export function findRubric(catalog: Catalog, id: string): Rubric {
  const entry = catalog.rubrics.get(id);
  if (entry) return entry.value;
  throw unknown('rubric', id, [...catalog.rubrics.keys()], 'mlsd rubrics list');
}

function unknown(kind: string, id: string, known: string[], listCommand: string): CliError {
  const near = closest(id, known) ?? known.find((k) => k.startsWith(id));
  const suggestion = near ? ` Did you mean "${near}"?` : '';
  return new CliError(`unknown ${kind} "${id}".${suggestion} See \`${listCommand}\` for the ${known.length} available.`, EXIT.usage);
}
