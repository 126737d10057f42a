import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAnswers } from '../../src/answers/parse.js';
import { buildCatalog, rubricsFor, type SourceFile } from '../../src/content/catalog.js';
import { compileRubrics } from '../../src/scoring/compile.js';
import type { CandidateLevel, ScoreReport } from '../../src/scoring/report.js';
import { scoreAnswers } from '../../src/scoring/score.js';

/** The built-in prompts and rubrics, read as the CLI reads them, and a scorer for answer text. */
const root = new URL('../..', import.meta.url).pathname;
const read = (kind: 'prompt' | 'rubric', dir: string): SourceFile[] =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ kind, file: f, text: readFileSync(join(root, dir, f), 'utf8'), origin: 'built-in' as const }));

export const builtinCatalog = buildCatalog([...read('rubric', 'rubrics'), ...read('prompt', 'prompts')]);
const scopes = new Map<string, ReturnType<typeof compileRubrics>>();

/** Scores answer text (Markdown unless `file` says otherwise) against a built-in prompt. */
export function scoreBuiltin(promptId: string, text: string, level: CandidateLevel = 'senior', file = 'answer.md'): ScoreReport {
  const prompt = builtinCatalog.prompts.get(promptId)!.value;
  if (!scopes.has(promptId)) scopes.set(promptId, compileRubrics(rubricsFor(builtinCatalog, prompt)));
  return scoreAnswers({ prompt, scope: scopes.get(promptId)!, answers: parseAnswers(text, file).answers, level });
}
