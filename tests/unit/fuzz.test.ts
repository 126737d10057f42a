import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../../src/answers/parse.js';
import { buildCatalog } from '../../src/content/catalog.js';
import { parseYaml } from '../../src/content/parse.js';
import { promptSchema, rubricSchema } from '../../src/content/schema.js';
import { analyze } from '../../src/scoring/analyze.js';
import { STAGE_IDS } from '../../src/stages.js';
import { score } from '../helpers/rubric.js';

// Text that mixes real vocabulary with markup, punctuation, control characters and odd Unicode.
const words = fc.constantFrom('we', 'not', 'no', 'baseline', 'a/b', 'test', 'drift', 'auc', 'accuracy', 'retrain', "don't", 'leakage', 'so', 'but', '#', '##', '-', '*', '**', '`', '```', '\n', '\n\n', '.', ',', ';', ':', '?', '(', ')', '—', '@', 'k', '10', '\u0000', '\u0007', '\u202e', 'ﬁ', 'Ａ', '😀', '\t', '\r');
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.array(words, { maxLength: 300 }).map((w) => w.join(' ')),
  fc.array(words, { maxLength: 300 }).map((w) => w.join('')),
);

describe('the scorer on random and hostile input', () => {
  it('never throws, stays in range and is deterministic', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...STAGE_IDS), hostileText), hostileText, (sections, general) => {
        const first = score({ sections, general });
        expect(first.overall).toBeGreaterThanOrEqual(0);
        expect(first.overall).toBeLessThanOrEqual(100);
        for (const stage of first.stages) expect(stage.score).toBeGreaterThanOrEqual(0);
        expect(score({ sections, general })).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });

  it('handles a very long answer and a very long single line', () => {
    const paragraph = 'We start with a logistic regression baseline because it is fast, and we monitor drift daily. ';
    const long = score({ sections: { model: paragraph.repeat(2_000) } });
    expect(long.stages.find((s) => s.id === 'model')!.score).toBeGreaterThan(0);
    const oneLine = analyze('drift,'.repeat(50_000));
    expect(oneLine.tokens.length).toBe(50_000);
  });

  it('keeps evidence short even for one enormous sentence', () => {
    const report = score({ sections: { model: `We use a baseline ${'and more words '.repeat(500)}.` } });
    const baseline = report.stages.flatMap((s) => s.items).find((i) => i.id === 'baseline')!;
    expect(baseline.evidence!.length).toBeLessThanOrEqual(280);
  });
});

describe('the loaders on random and hostile input', () => {
  const yamlish = fc.oneof(
    hostileText,
    fc.array(fc.constantFrom('id: x\n', 'title: t\n', 'items:\n', '  - ', 'id: a\n', '[', ']', '{', '}', '&a ', '*a ', '!!binary ', '? ', ': ', '"', "'", '|\n', '>\n', '---\n', '...\n', '    ', '%YAML 1.2\n', '<<: *a\n'), { maxLength: 80 }).map((p) => p.join('')),
  );

  it('parseYaml never throws and always explains a failure', () => {
    fc.assert(
      fc.property(yamlish, (src) => {
        for (const schema of [promptSchema, rubricSchema]) {
          const parsed = parseYaml(src, 'f.yaml', schema);
          if (parsed.value === null) {
            expect(parsed.issues.length).toBeGreaterThan(0);
            for (const issue of parsed.issues) {
              expect(issue.line).toBeGreaterThanOrEqual(1);
              expect(issue.message.length).toBeGreaterThan(0);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('buildCatalog survives any mix of broken files', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('prompt', 'rubric'), yamlish), { maxLength: 6 }), (files) => {
        const catalog = buildCatalog(files.map(([kind, text], i) => ({ kind: kind as 'prompt' | 'rubric', file: `f${i}.yaml`, text, origin: 'user' as const })));
        // Every file ends up somewhere: loaded, overriding another (a notice), or reported.
        expect(catalog.prompts.size + catalog.rubrics.size + catalog.notices.length + catalog.issues.length).toBeGreaterThanOrEqual(files.length);
      }),
      { numRuns: 200 },
    );
  });

  it('parseAnswers never throws on Markdown, text or YAML', () => {
    fc.assert(
      fc.property(yamlish, fc.constantFrom('a.md', 'a.txt', 'a.yaml'), (src, name) => {
        const parsed = parseAnswers(src, name);
        expect(parsed.answers.sections).toBeTypeOf('object');
      }),
      { numRuns: 300 },
    );
  });

  it('refuses an exponential alias expansion instead of hanging', () => {
    let src = 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let i = 1; i < 12; i++) src += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
    const parsed = parseYaml(src, 'bomb.yaml', rubricSchema);
    expect(parsed.value).toBeNull();
    expect(parsed.issues[0]!.message).toMatch(/alias/i);
  });
});
