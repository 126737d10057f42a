import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../../src/answers/parse.js';
import { buildCatalog } from '../../src/content/catalog.js';
import { parseYaml } from '../../src/content/parse.js';
import { promptSchema, rubricSchema } from '../../src/content/schema.js';
import { analyze } from '../../src/scoring/analyze.js';
import { STAGE_IDS } from '../../src/stages.js';
import { findControl } from '../../src/text/sanitize.js';
import { renderReport } from '../../src/ui/report.js';
import { PLAIN_STYLE } from '../../src/ui/style.js';
import { score } from '../helpers/rubric.js';

// Text that mixes real vocabulary with markup, punctuation, control characters and odd Unicode.
const words = fc.constantFrom('we', 'not', 'no', 'baseline', 'a/b', 'test', 'drift', 'auc', 'accuracy', 'retrain', "don't", 'leakage', 'so', 'but', '#', '##', '-', '*', '**', '`', '```', '\n', '\n\n', '.', ',', ';', ':', '?', '(', ')', '—', '@', 'k', '10', '\u0000', '\u0007', '\u202e', 'ﬁ', 'Ａ', '😀', '\t', '\r');
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.array(words, { maxLength: 300 }).map((w) => w.join(' ')),
  fc.array(words, { maxLength: 300 }).map((w) => w.join('')),
);

const STATUSES = ['covered', 'prompted', 'missed', 'negated'];
const SEVERITIES = ['minor', 'major'];
const VERDICTS = ['strong-hire', 'hire', 'lean-hire', 'lean-no-hire', 'no-hire'];
const inRange = (n: number) => Number.isInteger(n) && n >= 0 && n <= 100;

/**
 * Evidence is quoted from the answer: each of its words (runs of letters and digits) is in the input's
 * letters and digits (Markdown marks and spacing are the reader's to tidy, and emphasis joins words). A cut at 280 characters may end the last one early.
 */
function quotedFrom(evidence: string, input: string): boolean {
  const letters = input.replace(/[^\p{L}\p{N}]+/gu, '');
  return (evidence.match(/[\p{L}\p{N}]+/gu) ?? []).every((w) => letters.includes(w));
}

describe('the scorer on random and hostile input', () => {
  it('never throws; statuses, severities and verdict are known values; scores are whole numbers in 0..100', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...STAGE_IDS), hostileText), hostileText, (sections, general) => {
        const report = score({ sections, general });
        expect(inRange(report.overall), `overall ${report.overall}`).toBe(true);
        expect(VERDICTS).toContain(report.verdict);
        expect(report.stages.map((s) => s.id)).toEqual([...STAGE_IDS]);
        for (const stage of report.stages) {
          expect(inRange(stage.score), `${stage.id} ${stage.score}`).toBe(true);
          expect(inRange(stage.coverage ?? -1), `${stage.id} coverage ${stage.coverage}`).toBe(true);
          for (const item of stage.items) {
            expect(STATUSES).toContain(item.status);
            expect(item.stage).toBe(stage.id);
            // Only an item that was said (covered, prompted, ruled out) has evidence.
            if (item.status === 'missed') expect(item.evidence).toBeNull();
          }
        }
        for (const flag of report.redFlags) expect(SEVERITIES).toContain(flag.severity);
      }),
      { numRuns: 300 },
    );
  });

  it('quotes its evidence from the answer, and is deterministic', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...STAGE_IDS), hostileText), hostileText, (sections, general) => {
        const input = [...Object.values(sections), general].join('\n');
        const report = score({ sections, general });
        const evidence = [...report.stages.flatMap((s) => s.items), ...report.redFlags].map((x) => x.evidence).filter((e): e is string => !!e);
        for (const e of evidence) expect(quotedFrom(e, input), e).toBe(true);
        expect(score({ sections, general })).toEqual(report);
      }),
      { numRuns: 200 },
    );
  });

  it('renders any report without a control character reaching the terminal', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...STAGE_IDS), hostileText), hostileText, (sections, general) => {
        const lines = renderReport(score({ sections, general }), PLAIN_STYLE, { width: 80, source: general.slice(0, 40) });
        for (const line of lines) expect(findControl(line), JSON.stringify(line)).toBeNull();
      }),
      { numRuns: 150 },
    );
  });

  it('the quote check itself rejects words the answer does not hold', () => {
    expect(quotedFrom('we use a baseline', 'We said: we use a baseline.')).toBe(true);
    expect(quotedFrom('we use a transformer', 'we use a baseline')).toBe(false);
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
        // Every file ends up somewhere: loaded, or reported with a place in it.
        const reported = new Set(catalog.issues.map((i) => i.file));
        const loaded = new Set([...catalog.prompts.values(), ...catalog.rubrics.values()].map((e) => e.file));
        files.forEach((_, i) => expect(loaded.has(`f${i}.yaml`) || reported.has(`f${i}.yaml`), `f${i}.yaml`).toBe(true));
        for (const issue of catalog.issues) {
          expect(issue.line).toBeGreaterThanOrEqual(1);
          expect(['error', 'warning']).toContain(issue.severity);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('parseAnswers never throws on Markdown, text or YAML', () => {
    fc.assert(
      fc.property(yamlish, fc.constantFrom('a.md', 'a.txt', 'a.yaml'), (src, name) => {
        const parsed = parseAnswers(src, name);
        // Sections are keyed by stage ids only, each a string.
        for (const [stage, text] of Object.entries(parsed.answers.sections)) {
          expect(STAGE_IDS).toContain(stage);
          expect(text).toBeTypeOf('string');
        }
        if (parsed.answers.general !== undefined) expect(parsed.answers.general).toBeTypeOf('string');
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

describe('code dropped from inside a line', () => {
  it('leaves the words on either side apart, so evidence is still quoted from the answer (a fuzz counterexample)', () => {
    for (const text of ['10```we```baseline', 'a logistic regression<code>x = 1</code>baseline first']) {
      const report = score({ sections: { model: text } });
      const evidence = report.stages.flatMap((s) => s.items).map((i) => i.evidence).filter((e): e is string => !!e);
      for (const e of evidence) expect(quotedFrom(e, text), e).toBe(true);
    }
  });
});
