import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../../src/answers/parse.js';
import { buildCatalog, rubricsFor, type SourceFile } from '../../src/content/catalog.js';
import { compileRubrics } from '../../src/scoring/compile.js';
import type { CandidateLevel, ScoreReport } from '../../src/scoring/report.js';
import { scoreAnswers } from '../../src/scoring/score.js';

// Answers written independently of the rubrics (tests/fixtures/answers), scored against the real
// built-in content: the scorer must rank them the way an interviewer would.
const root = new URL('../..', import.meta.url).pathname;
const read = (kind: 'prompt' | 'rubric', dir: string): SourceFile[] =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ kind, file: f, text: readFileSync(join(root, dir, f), 'utf8'), origin: 'built-in' as const }));
const catalog = buildCatalog([...read('rubric', 'rubrics'), ...read('prompt', 'prompts')]);
const answersDir = join(root, 'tests', 'fixtures', 'answers');

const scopes = new Map<string, ReturnType<typeof compileRubrics>>();
function scoreFile(file: string, promptId: string, level: CandidateLevel = 'senior'): ScoreReport {
  const prompt = catalog.prompts.get(promptId)!.value;
  const parsed = parseAnswers(readFileSync(join(answersDir, file), 'utf8'), file);
  if (!scopes.has(promptId)) scopes.set(promptId, compileRubrics(rubricsFor(catalog, prompt)));
  return scoreAnswers({ prompt, scope: scopes.get(promptId)!, answers: parsed.answers, level });
}

/** The share of a domain rubric's weight an answer earns. */
function domainShare(report: ScoreReport, rubric: string): number {
  const items = report.stages.flatMap((s) => s.items).filter((i) => i.rubric === rubric);
  const total = items.reduce((n, i) => n + i.weight, 0);
  return items.reduce((n, i) => n + i.weight * i.credit, 0) / total;
}

// Every prompt with a strong and a weak fixture answer is held to the same bar.
const pairs = [...catalog.prompts.keys()].filter((id) => ['strong.md', 'weak.md'].every((s) => existsSync(join(answersDir, `${id}.${s}`)))).sort();

describe('fixture pairs', () => {
  it('exist for the first prompts at least', () => {
    expect(pairs).toEqual(expect.arrayContaining(['ad-click-prediction', 'video-recommendation']));
  });
});

describe.each(pairs)('strong and weak answers to %s', (prompt) => {
  it('scores the strong answer at least 75 with most domain items, the weak one at most 30', () => {
    const strong = scoreFile(`${prompt}.strong.md`, prompt);
    const weak = scoreFile(`${prompt}.weak.md`, prompt);
    expect(strong.overall).toBeGreaterThanOrEqual(75);
    expect(domainShare(strong, prompt)).toBeGreaterThan(0.6);
    expect(weak.overall).toBeLessThanOrEqual(30);
  });
});

// A modest answer (a mid-level candidate in sentences, without the domain depth) sits clearly between.
// "Clearly" is measured on coverage, what the score rests on: the fitted scale (scale.ts) is steep
// where the graded corpus needs it to be, and these fixtures, written beside the rubrics, cover more
// of them than the corpus's answers do, so the overall scores of modest and strong answers can sit a
// few points apart near the top of the scale. Their order still holds on the overall score.
const triples = pairs.filter((id) => existsSync(join(answersDir, `${id}.modest.md`)));

describe.each(triples)('a modest answer to %s', (prompt) => {
  it('scores clearly between the weak and the strong answer', () => {
    const [modest, weak, strong] = ['modest', 'weak', 'strong'].map((kind) => scoreFile(`${prompt}.${kind}.md`, prompt));
    expect(modest!.coverage).toBeGreaterThan(weak!.coverage! + 10);
    expect(modest!.coverage).toBeLessThan(strong!.coverage! - 10);
    expect(modest!.overall).toBeGreaterThan(weak!.overall + 10);
    expect(modest!.overall).toBeLessThan(strong!.overall);
  });
});

const weakOnly = [...catalog.prompts.keys()].filter((id) => existsSync(join(answersDir, `${id}.weak.md`))).sort();

describe.each(weakOnly)('a weak answer to %s', (prompt) => {
  it('scores at most 30 and raises a red flag', () => {
    const weak = scoreFile(`${prompt}.weak.md`, prompt);
    expect(weak.overall).toBeLessThanOrEqual(30);
    expect(weak.redFlags.length).toBeGreaterThan(0);
  });
});

describe.each(['ad-click-prediction', 'video-recommendation'])('answers to %s', (prompt) => {
  const strong = scoreFile(`${prompt}.strong.md`, prompt);
  const modest = scoreFile(`${prompt}.modest.md`, prompt);
  const weak = scoreFile(`${prompt}.weak.md`, prompt);
  const buzzwords = scoreFile(`${prompt}.buzzwords.md`, prompt);

  it('scores a strong answer as a hire and a weak one far below', () => {
    expect(strong.overall).toBeGreaterThanOrEqual(75);
    expect(['hire', 'strong-hire']).toContain(strong.verdict);
    expect(weak.overall).toBeLessThanOrEqual(30);
    // Coverage for "far": see the note on modest answers above.
    expect(strong.coverage).toBeGreaterThan(modest.coverage! + 15);
    expect(strong.overall).toBeGreaterThan(modest.overall);
    expect(modest.overall).toBeGreaterThan(weak.overall + 15);
  });

  it('earns most domain items with the strong answer', () => {
    expect(domainShare(strong, prompt)).toBeGreaterThan(0.75);
    expect(domainShare(weak, prompt)).toBeLessThan(0.25);
  });

  it('never lets the buzzword list outscore the modest answer', () => {
    expect(buzzwords.overall).toBeLessThan(modest.overall);
    expect(buzzwords.redFlags.filter((f) => f.id === 'list-instead-of-reasoning').length).toBeGreaterThanOrEqual(5);
  });

  it('flags the weak answer, and not the strong one', () => {
    expect(weak.redFlags.length).toBeGreaterThan(0);
    expect(strong.redFlags.filter((f) => f.severity === 'major')).toEqual([]);
  });
});

describe.each(pairs)('the domain rubric of %s is specific', (prompt) => {
  it('gives its strong answer clearly less credit on every other prompt\'s domain rubric', () => {
    const own = domainShare(scoreFile(`${prompt}.strong.md`, prompt), prompt);
    for (const other of catalog.prompts.keys()) {
      if (other === prompt) continue;
      expect(domainShare(scoreFile(`${prompt}.strong.md`, other), other), `${prompt} scored as ${other}`).toBeLessThan(own - 0.3);
    }
  });
});

describe('an answer that rules things out', () => {
  // The candidate's own list of what they rejected and affirmed is at the end of the fixture.
  const report = scoreFile('ad-click-prediction.negated.md', 'ad-click-prediction');
  const status = (id: string) => report.stages.flatMap((s) => s.items).find((i) => i.id === id)!.status;

  it.each(['baseline', 'ab-test', 'safe-rollout', 'retraining', 'drift', 'data-splitting', 'feature-store', 'privacy-requirements'])(
    'reads "%s" as ruled out',
    (id) => {
      expect(status(id)).toBe('negated');
    },
  );

  it.each(['labels', 'problem-type', 'class-imbalance', 'loss-function', 'feature-interactions', 'offline-metrics', 'calibration', 'operational-monitoring'])(
    'still credits "%s", said affirmatively',
    (id) => {
      expect(status(id)).toBe('covered');
    },
  );

  it('scores it far below an answer that does these things', () => {
    expect(report.overall).toBeLessThan(scoreFile('ad-click-prediction.modest.md', 'ad-click-prediction').overall);
    // Mistakes said in words: "shuffle everything", "we don't need an A/B test", "trained once".
    expect(report.redFlags.map((f) => f.id)).toEqual(expect.arrayContaining(['random-split-temporal-data', 'offline-only-launch', 'train-once']));
  });
});

describe('other answer formats', () => {
  it('scores a YAML answer and a heading-less answer like a written one', () => {
    expect(scoreFile('ad-click-prediction.answers.yaml', 'ad-click-prediction').overall).toBeGreaterThan(60);
    for (const prompt of ['ad-click-prediction', 'video-recommendation']) {
      const plain = scoreFile(`${prompt}.plain.txt`, prompt);
      expect(plain.overall, prompt).toBeGreaterThan(scoreFile(`${prompt}.modest.md`, prompt).overall);
      expect(plain.overall, prompt).toBeLessThan(scoreFile(`${prompt}.strong.md`, prompt).overall);
    }
  });

  it('maps the unusual headings of a real write-up', () => {
    const parsed = parseAnswers(readFileSync(join(answersDir, 'video-recommendation.mixed.md'), 'utf8'), 'mixed.md');
    const mapped = Object.fromEntries(parsed.mapping.map((m) => [m.heading, m.stages]));
    expect(mapped.Metrics).toEqual(['evaluation']);
    expect(mapped['Feature engineering']).toEqual(['data']);
    expect(mapped['Prediction service']).toEqual(['serving']);
    // The level-1 "Problem statement and assumptions" heading is the document's title (its
    // sub-sections name five stages): its stage holds for the text right under it, and
    // "Open questions" names no stage of its own.
    expect(mapped['Problem statement and assumptions']).toEqual(['clarify']);
    expect(mapped['Open questions']).toEqual([]);
    expect(parsed.answers.sections.clarify ?? '').toMatch(/\w{3,}/);
    expect(scoreFile('video-recommendation.mixed.md', 'video-recommendation').overall).toBeGreaterThan(50);
  });
});
