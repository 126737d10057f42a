import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../../src/answers/parse.js';
import { scoreBuiltin } from '../helpers/builtin.js';

// Answer forms (tryout 8, F17): a table laid out by stage maps its rows (or columns) to their stages,
// as headings do; a table that is not laid out by stage is read as before.
const mapped = (text: string) => Object.fromEntries(parseAnswers(text, 'a.md').mapping.map((m) => [m.heading, m.stages]));
const sections = (text: string) => parseAnswers(text, 'a.md').answers;
const item = (prompt: string, text: string, id: string) => scoreBuiltin(prompt, text).stages.flatMap((s) => s.items).find((i) => i.id === id)!;

describe('a per-stage table', () => {
  const byRows = [
    '# Fraud detection plan',
    '',
    '| Stage | Decision | Why |',
    '|---|---|---|',
    '| Clarify | goal = fewer chargebacks at a fixed false decline rate | losses and lost customers both cost |',
    '| Problem framing | binary classification of each payment | a probability feeds the decline threshold |',
    '| Data | labels from chargebacks, which arrive weeks later | otherwise recent fraud looks clean |',
    '| Model | start with logistic regression as a baseline, then GBDT | trees handle tabular features |',
    '| Serving | scored at authorization time within 100 ms | the payment waits on it |',
  ].join('\n');

  it('maps each row to the stage its first cell names, in the stage names of headings', () => {
    expect(mapped(byRows)).toMatchObject({ Clarify: ['clarify'], 'Problem framing': ['frame'], Data: ['data'], Model: ['model'], Serving: ['serving'] });
    const { sections: s, general } = sections(byRows);
    expect(s.model).toMatch(/logistic regression/);
    expect(s.model).not.toMatch(/chargebacks/);
    expect(s.data).toMatch(/chargebacks/);
    expect(general ?? '').not.toMatch(/logistic/);
  });

  it('credits its items in their own stage, not "under no stage heading"', () => {
    const baseline = item('fraud-detection', byRows, 'baseline');
    expect(baseline.status).toBe('covered');
    expect(baseline.foundIn).toBe('model');
    expect(baseline.evidence).toMatch(/logistic regression/);
  });

  it('reads a two-column "Stage | Notes" table and a stage column that is not the first', () => {
    const notes = '| Stage | Notes |\n|---|---|\n| Model | LR baseline, then a two-tower model because ids need embeddings |\n| Evaluation | recall at 100 offline, watch time in an A/B test |\n';
    expect(mapped(notes)).toMatchObject({ Model: ['model'], Evaluation: ['evaluation'] });
    expect(item('video-recommendation', notes, 'baseline').foundIn).toBe('model');
    const second = '| # | Phase | What we do |\n|---|---|---|\n| 1 | Offline evaluation | NDCG at 10 on held-out days |\n| 2 | Serving | two-stage retrieval then ranking in 150 ms |\n';
    expect(mapped(second)).toMatchObject({ 'Offline evaluation': ['evaluation'], Serving: ['serving'] });
    expect(sections(second).sections.evaluation).toMatch(/NDCG/);
  });

  it('lets a row with an empty stage cell continue the stage above, and a row naming none stay where the table is', () => {
    const text = '## Plan\n\n| Stage | Decision |\n|---|---|\n| Data | labels from clicks within 1 h |\n|  | negatives are impressions without a click |\n| Risks | cold start for new ads |\n| Model | DCN v2 |\n';
    const { sections: s, general } = sections(text);
    expect(s.data).toMatch(/negatives are impressions/);
    expect(general ?? '').toMatch(/cold start/);
    expect(mapped(text).Risks).toBeUndefined();
    expect(mapped(text).Plan).toEqual([]);
  });

  it('maps a table with a stage in each column to those stages', () => {
    const text = '| | Clarify | Model | Monitoring |\n|---|---|---|---|\n| Decision | goal = watch time | two-tower retrieval then a ranker | retrain daily |\n| Why | it tracks satisfaction | millions of videos | new uploads every hour |\n';
    expect(mapped(text)).toMatchObject({ Clarify: ['clarify'], Model: ['model'], Monitoring: ['monitoring'] });
    const { sections: s } = sections(text);
    expect(s.monitoring).toMatch(/retrain daily/);
    expect(s.monitoring).not.toMatch(/two-tower/);
    expect(s.clarify).toMatch(/watch time/);
    expect(item('video-recommendation', text, 'retraining').foundIn).toBe('monitoring');
  });

  it.each([
    ['a comparison of models', '| Option | Pros | Cons |\n|---|---|---|\n| Logistic regression | simple | no crosses |\n| Two-tower model | embeddings | costly |\n| GBDT | tabular | no ids |\n'],
    ['a table of metrics', '| Metric | Offline | Online |\n|---|---|---|\n| AUC | yes | no |\n| CTR | no | yes |\n'],
    ['a table of features', '| Feature | Source |\n|---|---|\n| user age | profile |\n| ad category | catalog |\n'],
    ['one row naming a stage', '| Item | Note |\n|---|---|\n| Model | GBDT |\n| Budget | 50 ms |\n'],
    ['columns of options', '| | GBDT | Two-tower model |\n|---|---|---|\n| Latency | 5 ms | 20 ms |\n'],
  ])('reads %s as before: no row or column mapped', (_name, text) => {
    const parsed = parseAnswers(`## Model\n\n${text}`, 'a.md');
    expect(parsed.mapping.map((m) => m.heading)).toEqual(['Model']);
    expect(parsed.answers.sections.model).toContain(text.split('\n')[2]);
  });
});
