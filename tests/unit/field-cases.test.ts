import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildCatalog, rubricsFor, type SourceFile } from '../../src/content/catalog.js';
import { parseAnswers } from '../../src/reading/sections.js';
import { checkFieldCase, type FieldCase } from '../../src/scoring/agreement.js';
import { compileRubrics } from '../../src/scoring/compile.js';
import { checkRubricPhrases } from '../../src/scoring/rubric-phrase-checks.js';
import { scoreAnswers } from '../../src/scoring/score.js';

// Small inputs on which the scorer once failed, each one KIND of fault (shared/cases, copied here),
// and more of each kind in our own words. Scored as `mlsd score case.md --prompt <prompt>` is.
const root = new URL('../..', import.meta.url).pathname;
const read = (kind: 'prompt' | 'rubric', dir: string): SourceFile[] =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ kind, file: f, text: readFileSync(join(root, dir, f), 'utf8'), origin: 'built-in' as const }));
const catalog = buildCatalog([...read('rubric', 'rubrics'), ...read('prompt', 'prompts')]);
const load = (file: string) => (parse(readFileSync(join(root, 'tests', 'fixtures', 'cases', file), 'utf8')) as { cases: FieldCase[] }).cases;

function run(c: FieldCase) {
  const prompt = catalog.prompts.get(c.prompt)!.value;
  const parsed = parseAnswers(c.text, `${c.id}.md`);
  const report = scoreAnswers({ prompt, scope: compileRubrics(rubricsFor(catalog, prompt)), answers: parsed.answers, level: 'senior' });
  return checkFieldCase(c, report, parsed.mapping);
}

describe.each([['field-cases.yaml'], ['own-cases.yaml']])('%s', (file) => {
  const cases = load(file);
  it('has cases', () => expect(cases.length).toBeGreaterThan(10));
  it.each(cases.map((c) => [`${c.id} ${c.kind}: ${c.target} is ${c.expected}`, c] as const))('%s', (_name, c) => {
    const result = run(c);
    expect(result.holds, `expected ${c.expected}, got ${result.actual}`).toBe(true);
  });
});

describe('own cases', () => {
  it('cover every kind of the shared cases with at least two of their own', () => {
    const kinds = new Set(load('field-cases.yaml').map((c) => c.kind));
    const own = load('own-cases.yaml');
    for (const kind of kinds) expect(own.filter((c) => c.kind === kind).length, kind).toBeGreaterThanOrEqual(2);
  });
});

describe('concept references in rubrics', () => {
  it('are checked against the lexicon, with a suggestion', () => {
    const rubric = [
      'id: framework', 'title: T', 'items:', '  - id: baseline', '    stage: model', '    label: Baseline', '    weight: 1',
      '    phrases: ["@simple-strat", "baseline"]', '    why: w', '    hint: h', '    followUp: f?',
    ].join('\n');
    const issues = buildCatalog([{ kind: 'rubric', file: 'framework.yaml', text: rubric, origin: 'user' }], [checkRubricPhrases]).issues;
    expect(issues.map((i) => i.message)).toEqual([expect.stringContaining('unknown concept "@simple-strat" (did you mean "@simple-start"?)')]);
  });
});
