import type { Catalog } from '../content/catalog.js';
import type { Prompt, Rubric } from '../content/schema.js';
import { CliError, EXIT } from '../errors.js';
import { closest } from '../text/closest.js';

export function findPrompt(catalog: Catalog, id: string): Prompt {
  const entry = catalog.prompts.get(id);
  if (entry) return entry.value;
  throw unknown('prompt', id, [...catalog.prompts.keys()], 'mlsd prompts list');
}

/**
 * The prompt a saved session was of, for `resume`: when mlsd cannot see it now (it came from a
 * --prompts-dir or a prompt pack not given this time), a usage error (exit 2) that says how to get it back.
 */
export function findSessionPrompt(catalog: Catalog, sessionId: string, promptId: string): Prompt {
  const entry = catalog.prompts.get(promptId);
  if (entry) return entry.value;
  throw new CliError(
    `session ${sessionId} is of the prompt "${promptId}", which mlsd cannot find now. If it came from a directory of your own, pass it again: mlsd resume ${sessionId} --prompts-dir <dir> (or set MLSD_PROMPTS_PATH); \`mlsd prompts list\` shows the prompts mlsd sees.`,
    EXIT.usage,
  );
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
