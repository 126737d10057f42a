import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog, rubricsFor, type SourceFile } from '../../src/content/catalog.js';
import { formatIssue } from '../../src/content/parse.js';
import { compileRubrics } from '../../src/scoring/compile.js';
import { scoreAnswers } from '../../src/scoring/score.js';

// docs/writing-prompts.md promises its example validates; keep that promise.
const root = new URL('../..', import.meta.url).pathname;
const read = (kind: 'prompt' | 'rubric', dir: string): SourceFile[] =>
  readdirSync(join(root, dir)).filter((f) => f.endsWith('.yaml')).map((f) => ({ kind, file: `${dir}/${f}`, text: readFileSync(join(root, dir, f), 'utf8'), origin: 'pack' as const }));

describe('the example pack in the docs', () => {
  const catalog = buildCatalog([...read('rubric', 'rubrics'), ...read('rubric', 'docs/examples/pack/rubrics'), ...read('prompt', 'docs/examples/pack/prompts')]);

  it('validates with no errors or warnings', () => {
    expect(catalog.issues.map(formatIssue)).toEqual([]);
  });

  it('scores a sample answer against its own items', () => {
    const prompt = catalog.prompts.get('payment-fraud')!.value;
    const report = scoreAnswers({
      prompt,
      scope: compileRubrics(rubricsFor(catalog, prompt)),
      answers: { sections: { data: 'Confirmed fraud only arrives with chargebacks weeks later, so we wait before labeling. We count attempts per card and payments in the last hour.' } },
      level: 'senior',
    });
    const items = report.stages.flatMap((s) => s.items).filter((i) => i.rubric === 'payment-fraud');
    expect(items.map((i) => i.status)).toEqual(['covered', 'covered']);
  });
});
