import { describe, expect, it } from 'vitest';
import { compileRubrics } from '../../src/scoring/compile.js';
import { SCALE } from '../../src/scoring/scale-parameters.js';
import { scoreAnswers } from '../../src/scoring/score.js';
import { itemOf, score, testRubric, testScope } from '../helpers/rubric.js';

const modest = {
  clarify: 'What is the business goal here? I will assume we want to increase revenue, with about 10 million daily active users.',
  data: 'We use clicks as positive examples and impressions without a click as negatives. We split by time so there is no leakage.',
  model: 'I would start with logistic regression as a baseline, then try gradient boosted trees and a two tower neural network.',
  evaluation: 'Offline we compare log loss and AUC against the baseline. Online we run an A/B test for two weeks.',
  serving: 'Predictions are computed online because the features change quickly.',
  monitoring: 'We watch for drift in the input features and retrain the model weekly.',
};

describe('scoring an answer', () => {
  it('covers items with the sentence that earned them', () => {
    const report = score({ sections: modest });
    const baseline = itemOf(report, 'baseline');
    expect(baseline.status).toBe('covered');
    expect(baseline.evidence).toBe('I would start with logistic regression as a baseline, then try gradient boosted trees and a two tower neural network.');
    expect(baseline.foundIn).toBe('model');
    expect(baseline.depth).toBe('statement');
    expect(baseline.matched).toEqual(expect.arrayContaining(['baseline', 'logistic regression']));
  });

  it('credits a risk item phrased as its absence', () => {
    expect(itemOf(score({ sections: modest }), 'data-leakage').status).toBe('covered');
  });

  it('needs the minimum number of distinct phrases', () => {
    expect(itemOf(score({ sections: modest }), 'model-choice').status).toBe('covered');
    const one = score({ sections: { ...modest, model: 'I would start with a neural network as a baseline.' } });
    expect(itemOf(one, 'model-choice').status).toBe('missed');
  });

  it('reports an item the candidate ruled out as negated, with the evidence', () => {
    const report = score({ sections: { ...modest, evaluation: "Offline AUC is enough; we don't need an A/B test." } });
    const ab = itemOf(report, 'ab-test');
    expect(ab.status).toBe('negated');
    expect(ab.evidence).toContain("we don't need an A/B test");
    expect(ab.credit).toBe(0);
  });

  it('finds an item said under another stage, and says where', () => {
    const report = score({ sections: { ...modest, monitoring: 'We retrain weekly.', serving: 'Predictions are online. We alert on distribution shift.' } });
    const drift = itemOf(report, 'drift');
    expect(drift.status).toBe('covered');
    expect(drift.foundIn).toBe('serving');
  });

  it('scores a whole-text answer by looking for every item everywhere', () => {
    const whole = Object.values(modest).join('\n\n');
    const report = score({ sections: {}, general: whole });
    expect(itemOf(report, 'drift').foundIn).toBe('general');
    expect(report.stages.every((s) => s.answered)).toBe(true);
    expect(report.overall).toBe(score({ sections: modest }).overall);
  });

  it('gives partial credit for what was said only after a follow-up', () => {
    const { monitoring: _m, ...rest } = modest;
    const prompted = score({ sections: { ...rest, monitoring: 'We keep an eye on the dashboards.' }, followUps: [{ stage: 'monitoring', text: 'We would retrain on the last 30 days every week.' }] });
    const retraining = itemOf(prompted, 'retraining');
    expect(retraining.status).toBe('prompted');
    expect(retraining.credit).toBeGreaterThan(0);
    expect(retraining.credit).toBeLessThan(1);
    expect(itemOf(prompted, 'drift').status).toBe('missed');
  });

  it('scores stages the session never reached as zero', () => {
    const report = score({ sections: modest, unreached: ['serving', 'monitoring'] });
    const serving = report.stages.find((s) => s.id === 'serving')!;
    expect(serving.score).toBe(0);
    expect(serving.answered).toBe(false);
    expect(itemOf(report, 'drift').status).toBe('missed');
  });

  it('is deterministic: no state carries over between answers, and section order does not matter', () => {
    const first = score({ sections: modest });
    score({ sections: { model: 'We use a deep and cross network with a logistic regression baseline.' } });
    const reversed = Object.fromEntries(Object.entries(modest).reverse()) as typeof modest;
    expect(score({ sections: reversed })).toEqual(first);
    expect(score({ sections: modest })).toEqual(first);
  });

  it('asks more of higher levels', () => {
    const mid = score({ sections: modest }, 'mid');
    const staff = score({ sections: modest }, 'staff');
    // exploration is a staff item the answer misses: it costs a staff candidate more.
    expect(staff.overall).toBeLessThan(mid.overall);
  });
});

describe('substance over buzzwords', () => {
  const buzzwords = {
    clarify: 'Business goal, revenue, DAU, QPS, latency.',
    data: '- labels, implicit feedback, positive examples, leakage, future information',
    model: '- baseline, logistic regression, gradient boosted trees, two tower, deep and cross network, neural network, bandit',
    evaluation: '- AUC, log loss, NDCG, precision@k, A/B test, online experiment, exploration',
    serving: '- batch prediction, online prediction, precompute',
    monitoring: '- drift, distribution shift, retrain, continual learning',
  };

  it('does not let a list of terms outscore a modest answer in sentences', () => {
    const list = score({ sections: buzzwords });
    const plain = score({ sections: modest });
    expect(list.overall).toBeLessThan(plain.overall);
    expect(itemOf(list, 'baseline').depth).toBe('mention');
  });

  it('flags a heading-less answer that is only a list', () => {
    const list = score({ sections: {}, general: Object.values(buzzwords).join('\n') });
    expect(list.redFlags.find((f) => f.id === 'list-instead-of-reasoning')).toMatchObject({ stage: null, severity: 'major' });
    expect(list.overall).toBeLessThan(score({ sections: {}, general: Object.values(modest).join('\n') }).overall);
  });

  it('flags stages answered with a bare list', () => {
    const list = score({ sections: buzzwords });
    const flagged = list.redFlags.filter((f) => f.id === 'list-instead-of-reasoning').map((f) => f.stage);
    expect(flagged).toEqual(expect.arrayContaining(['model', 'evaluation', 'monitoring']));
    expect(list.stages.find((s) => s.id === 'model')!.listOnly).toBe(true);
    expect(score({ sections: modest }).redFlags.some((f) => f.id === 'list-instead-of-reasoning')).toBe(false);
  });
});

describe('red flags', () => {
  it('raises a flag said affirmatively, with its evidence', () => {
    const report = score({ sections: { ...modest, evaluation: 'We measure accuracy on a held-out set.' } });
    const flag = report.redFlags.find((f) => f.id === 'accuracy-only');
    expect(flag?.evidence).toBe('We measure accuracy on a held-out set.');
    expect(flag?.stage).toBe('evaluation');
    expect(report.verdict).not.toMatch(/^(hire|strong-hire)$/);
  });

  it('clears a flag with an "unless" phrase said anywhere', () => {
    const report = score({ sections: { ...modest, evaluation: 'We report accuracy, precision and recall.' } });
    expect(report.redFlags.some((f) => f.id === 'accuracy-only')).toBe(false);
  });

  it('does not raise a flag for a term the candidate rejects', () => {
    const report = score({ sections: { ...modest, evaluation: 'We would not use accuracy; classes are imbalanced.' } });
    expect(report.redFlags.some((f) => f.id === 'accuracy-only')).toBe(false);
  });

  it('clears a flag when a named item is covered', () => {
    const withBaseline = score({ sections: { ...modest, model: 'A transformer after a logistic regression baseline.' } });
    expect(withBaseline.redFlags.some((f) => f.id === 'no-baseline')).toBe(false);
    const without = score({ sections: { ...modest, evaluation: 'Online we run an A/B test.', model: 'We use a transformer over the user history.' } });
    expect(without.redFlags.some((f) => f.id === 'no-baseline')).toBe(true);
  });

  it('checks a stage-scoped flag only in that stage', () => {
    const inClarify = score({ sections: { ...modest, clarify: 'I would use XGBoost here. What is the business goal?' } });
    expect(inClarify.redFlags.some((f) => f.id === 'model-while-clarifying')).toBe(true);
    const inModel = score({ sections: { ...modest, model: `${modest.model} XGBoost is another option we could use.` } });
    expect(inModel.redFlags.some((f) => f.id === 'model-while-clarifying')).toBe(false);
    const whole = score({ sections: {}, general: 'I would use XGBoost here. What is the business goal?' });
    expect(whole.redFlags.some((f) => f.id === 'model-while-clarifying')).toBe(false);
  });

  it('applies other stage-scoped flags to the whole of an unsectioned answer', () => {
    const scoped = compileRubrics([{ ...testRubric, redFlags: [{ ...testRubric.redFlags[0]!, id: 'accuracy-in-evaluation', stage: 'evaluation' }] }]);
    const whole = score({ sections: {}, general: 'We train a model. We measure accuracy on the test set.' }, 'senior', scoped);
    expect(whole.redFlags.map((f) => f.id)).toContain('accuracy-in-evaluation');
    const elsewhere = score({ sections: { clarify: 'Is accuracy or latency more important?', evaluation: 'We run an A/B test.' } }, 'senior', scoped);
    expect(elsewhere.redFlags.map((f) => f.id)).not.toContain('accuracy-in-evaluation');
  });

  it('takes points off and caps the verdict for a major flag', () => {
    const clean = score({ sections: { ...modest, evaluation: 'Online we run an A/B test for two weeks.' } });
    const flagged = score({ sections: { ...modest, evaluation: 'Online we run an A/B test for two weeks. Offline we report accuracy.' } });
    // The points per major mistake are the fitted scale's (src/scoring/scale-parameters.ts).
    expect(flagged.penalty).toBe(SCALE.mistake.major);
    expect(flagged.overall).toBeLessThan(clean.overall);
    expect(flagged.verdict).not.toMatch(/^(hire|strong-hire)$/);
  });
});

describe('clarifying questions', () => {
  const clarifications = [
    { topic: 'scale', patterns: ['how many posts', 'how many users', 'traffic'], answer: 'About 500 million posts a day.' },
    { topic: 'review-capacity', patterns: ['moderators', 'reviewers'], answer: 'About 10,000 reviews a day.', covers: ['labels'] },
    { topic: 'latency', patterns: ['how fast', 'latency'], answer: 'Within a second.' },
  ];
  const ask = (clarify: string, withClarifications = true) =>
    scoreAnswers({ prompt: { id: 'p', title: 'P', ...(withClarifications ? { clarifications } : {}) }, scope: testScope, answers: { sections: { clarify } }, level: 'senior' });

  it('earn the item their topic stands for, with the question as evidence', () => {
    const scale = itemOf(ask('How many posts are created per day?'), 'scale');
    expect(scale.status).toBe('covered');
    expect(scale.evidence).toBe('How many posts are created per day?');
    expect(scale.matched).toEqual(['asked about scale']);
  });

  it('earn the items a clarification lists under covers', () => {
    expect(itemOf(ask('Do we have moderators who label posts?'), 'labels').status).toBe('covered');
  });

  it('count only as questions, only in the clarify stage, and only with the prompt\'s clarifications', () => {
    expect(itemOf(ask('We will look at how many posts there are.'), 'scale').status).toBe('missed');
    expect(itemOf(ask('How many posts are created per day?', false), 'scale').status).toBe('missed');
    const elsewhere = scoreAnswers({ prompt: { id: 'p', title: 'P', clarifications }, scope: testScope, answers: { sections: { serving: 'How many posts are created per day?' } }, level: 'senior' });
    expect(itemOf(elsewhere, 'scale').status).toBe('missed');
  });
});
