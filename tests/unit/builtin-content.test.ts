import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog, rubricsFor, type SourceFile } from '../../src/content/catalog.js';
import { formatIssue } from '../../src/content/parse.js';
import { clarifyMatcher } from '../../src/interview/clarify.js';
import { compilePhrase } from '../../src/scoring/phrase.js';
import { checkRubricPhrases } from '../../src/scoring/rubric-phrase-checks.js';

const root = new URL('../..', import.meta.url).pathname;
const read = (kind: 'prompt' | 'rubric', dir: string): SourceFile[] =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ kind, file: `${dir}/${f}`, text: readFileSync(join(root, dir, f), 'utf8'), origin: 'built-in' as const }));
const catalog = buildCatalog([...read('rubric', 'rubrics'), ...read('prompt', 'prompts')], [checkRubricPhrases]);

// The item ids other parts of mlsd refer to (docs/architecture.md, Contracts).
const REQUIRED: Record<string, string[]> = {
  clarify: ['business-objective', 'scale', 'latency-constraint'],
  frame: ['ml-objective', 'problem-type', 'inputs-outputs'],
  data: ['data-sources', 'labels', 'features', 'data-leakage', 'class-imbalance'],
  model: ['baseline', 'model-choice', 'loss-function'],
  evaluation: ['offline-metrics', 'online-metrics', 'ab-test'],
  serving: ['online-vs-batch', 'serving-latency', 'model-compression'],
  monitoring: ['drift', 'retraining', 'feedback-loop'],
};

describe('the built-in content', () => {
  it('validates with no errors and no warnings', () => {
    expect(catalog.issues.map(formatIssue)).toEqual([]);
  });

  it('has every framework item id the rest of mlsd relies on, in its stage', () => {
    const framework = catalog.rubrics.get('framework')!.value;
    for (const [stage, ids] of Object.entries(REQUIRED)) {
      for (const id of ids) expect(framework.items.find((i) => i.id === id)?.stage, id).toBe(stage);
    }
  });

  it('gives every item at least six phrases, a why, a hint and a follow-up', () => {
    for (const { value: rubric } of catalog.rubrics.values()) {
      for (const item of rubric.items) {
        expect(item.phrases.length, `${rubric.id}/${item.id}`).toBeGreaterThanOrEqual(6);
        expect(item.followUp, `${rubric.id}/${item.id}`).toMatch(/\?$/);
        expect(item.why.length + item.hint.length, `${rubric.id}/${item.id}`).toBeGreaterThan(40);
      }
    }
  });

  it('never detects two items of one prompt by the same phrase', () => {
    for (const { value: prompt } of catalog.prompts.values()) {
      const owner = new Map<string, string>();
      const clashes: string[] = [];
      for (const rubric of rubricsFor(catalog, prompt)) {
        for (const item of rubric.items) {
          for (const phrase of item.phrases) {
            const key = compilePhrase(phrase).tokens.map((t) => t.stem).join(' ');
            const other = owner.get(key);
            if (other && other !== item.id) clashes.push(`${prompt.id}: "${phrase}" in ${item.id} and ${other}`);
            owner.set(key, item.id);
          }
        }
      }
      expect(clashes).toEqual([]);
    }
  });

  it('holds the ten case studies and at least four more', () => {
    const caseStudies = ['visual-search', 'street-view-blurring', 'video-search', 'harmful-content-detection', 'video-recommendation', 'event-recommendation', 'ad-click-prediction', 'similar-listings', 'news-feed', 'people-you-may-know'];
    const ids = [...catalog.prompts.keys()];
    expect(ids).toEqual(expect.arrayContaining(caseStudies));
    expect(ids.filter((id) => !caseStudies.includes(id)).length).toBeGreaterThanOrEqual(4);
  });

  it('gives every prompt tags, six clarification facts, an outline point per stage and a full domain rubric', () => {
    for (const { value: prompt } of catalog.prompts.values()) {
      expect(prompt.tags.length, prompt.id).toBeGreaterThan(0);
      expect(prompt.clarifications.length, prompt.id).toBeGreaterThanOrEqual(6);
      for (const points of Object.values(prompt.outline)) expect(points.length, prompt.id).toBeGreaterThanOrEqual(2);
      const domain = catalog.rubrics.get(prompt.id)!.value;
      expect(domain.items.length, prompt.id).toBeGreaterThanOrEqual(6);
      expect(domain.redFlags.length, prompt.id).toBeGreaterThanOrEqual(2);
    }
  });

  it('spells each tag one way, so `--tag recsys` finds every recommendation prompt', () => {
    const aliases: Record<string, string> = { recommendation: 'recsys', recommendations: 'recsys', recommender: 'recsys', 'recommender-systems': 'recsys', classifier: 'classification', rank: 'ranking', cv: 'computer-vision', vision: 'computer-vision' };
    const misspelt = [...catalog.prompts.values()].flatMap(({ value: p }) => p.tags.filter((t) => t in aliases).map((t) => `${p.id}: ${t} (use ${aliases[t]})`));
    expect(misspelt).toEqual([]);
  });

  it('has the interviewer answer the questions every candidate asks', () => {
    const questions = ['What is the business goal?', 'How do we measure success?', 'How much traffic at peak?', 'What is the latency requirement?', 'What data do we have, and are there labels?', 'Are there privacy constraints?'];
    for (const { value: prompt } of catalog.prompts.values()) {
      const interviewer = clarifyMatcher(prompt);
      for (const q of questions) expect(interviewer.reply(q).topic, `${prompt.id}: ${q}`).not.toBeNull();
    }
  });

  it('has the interviewer of every classification prompt say how rare the positive class is', () => {
    const questions = ['Is there class imbalance?', 'What is the positive rate?', 'How rare are positives?', 'What fraction of examples are positive?'];
    const classification = [...catalog.prompts.values()].map((e) => e.value).filter((p) => p.problemType === 'classification');
    expect(classification.length).toBeGreaterThanOrEqual(3);
    for (const prompt of classification) {
      const interviewer = clarifyMatcher(prompt);
      for (const q of questions) expect(interviewer.reply(q).topic, `${prompt.id}: ${q}`).toBe('base-rate');
    }
  });

  it('resolves every prompt to the framework and its own rubric', () => {
    expect(catalog.prompts.size).toBeGreaterThanOrEqual(2);
    for (const { value: prompt } of catalog.prompts.values()) {
      const ids = rubricsFor(catalog, prompt).map((r) => r.id);
      expect(ids[0]).toBe('framework');
      expect(ids).toContain(prompt.id);
    }
  });
});
