import { describe, expect, it } from 'vitest';
import { scoreBuiltin } from '../helpers/builtin.js';

// Each mistake flag fires on the mistake said in words, with that sentence as evidence; never on its
// correction, nor on an answer that simply does not mention the topic (a miss is not a mistake).
interface Case {
  flag: string;
  prompt: string;
  stage: string;
  mistake: string;
  correction: string;
  absent: string;
}

const cases: Case[] = [
  {
    flag: 'accuracy-only-metric',
    prompt: 'ad-click-prediction',
    stage: 'Evaluation',
    mistake: 'We measure accuracy on the test set and want it above 95%.',
    correction: 'Accuracy is misleading here, since a model that never predicts a click is right 99% of the time; we report log loss and PR AUC.',
    absent: 'We report log loss and PR AUC on the last week of data.',
  },
  {
    flag: 'random-split-temporal-data',
    prompt: 'news-feed',
    stage: 'Data',
    mistake: 'For the split, we shuffle all the impressions and do 80/10/10.',
    correction: 'We split by time instead of a random split: train on three weeks, test on the fourth.',
    absent: 'Training rows are impressions, labelled with the reactions that followed.',
  },
  {
    flag: 'full-log-aggregates',
    prompt: 'news-feed',
    stage: 'Data',
    mistake: "The post's like and share counts are computed over the full log and joined onto every example.",
    correction: 'Like and share counts are computed as of each impression (point in time), never over the full log.',
    absent: 'Post features are its type, its author and its age.',
  },
  {
    flag: 'offline-only-launch',
    prompt: 'news-feed',
    stage: 'Evaluation',
    mistake: 'If offline AUC beats the current model, we ship it to everyone.',
    correction: 'A better offline AUC only earns an A/B test; we ship after the experiment shows more meaningful sessions.',
    absent: 'Offline we report AUC per reaction head.',
  },
  {
    flag: 'offline-only-launch',
    prompt: 'eta-prediction',
    stage: 'Evaluation',
    mistake: "A large A/B test isn't really necessary here, the estimate can be checked against reality.",
    correction: 'We never ship without an A/B test, randomized by city and hour.',
    absent: 'Offline we report MAE and the share of orders within five minutes.',
  },
  {
    flag: 'ctr-objective',
    prompt: 'video-search',
    stage: 'Frame',
    mistake: 'Clicks are plentiful, so CTR is the objective we optimize.',
    correction: 'We do not optimize CTR, since it rewards clickbait titles; the target is a meaningful watch after the click.',
    absent: 'The ranker predicts a meaningful watch of at least thirty seconds.',
  },
  {
    flag: 'rouge-quality-gate',
    prompt: 'rag-support-assistant',
    stage: 'Evaluation',
    mistake: 'ROUGE against the agent replies is our main quality gate before launch.',
    correction: 'ROUGE against agent replies is a weak signal here, so it is not our gate; we gate on groundedness judged by agents.',
    absent: 'Agents grade a few hundred answers a week for correctness and grounding.',
  },
  {
    flag: 'shared-ticket-index',
    prompt: 'rag-support-assistant',
    stage: 'Data',
    mistake: 'We also index the resolved tickets next to the docs, since they hold real questions.',
    correction: 'We index the resolved tickets only after scrubbing PII, and filter by tenant id at query time.',
    absent: 'We chunk the help articles and embed them.',
  },
  {
    flag: 'future-information-feature',
    prompt: 'eta-prediction',
    stage: 'Data',
    mistake: "The most predictive signal is the order's actual prep time, which goes into the checkout model.",
    correction: 'The actual prep time is the label, not a feature, because it is unknown at checkout.',
    absent: 'Features are the restaurant history, current load and the routing estimate.',
  },
  {
    flag: 'split-without-grouping',
    prompt: 'street-view-blurring',
    stage: 'Data',
    mistake: 'We split the annotated images 80/10/10 into train, validation and test.',
    correction: 'We split 80/10/10 by drive, so frames of one drive never land in both train and test.',
    absent: 'The annotated images carry boxes for faces and plates.',
  },
  {
    flag: 'opens-only-objective',
    prompt: 'notification-ranking',
    stage: 'Frame',
    mistake: 'We maximize the open rate of the notifications we send.',
    correction: 'We do not maximize the open rate; we optimize the incremental sessions a send causes, minus the cost of a disable.',
    absent: 'Each candidate is scored for the sessions it adds.',
  },
];

const flagsOf = (prompt: string, stage: string, text: string) =>
  scoreBuiltin(prompt, `## ${stage}\n${text}\n`).redFlags.filter((f) => f.id !== 'list-instead-of-reasoning');

describe.each(cases)('the $flag flag ($prompt)', ({ flag, prompt, stage, mistake, correction, absent }) => {
  it('fires on the mistake, with the sentence as evidence', () => {
    expect(flagsOf(prompt, stage, mistake).find((f) => f.id === flag), mistake).toMatchObject({ id: flag, evidence: mistake });
  });

  it('stays quiet on its correction', () => {
    expect(flagsOf(prompt, stage, correction).map((f) => f.id)).not.toContain(flag);
  });

  it('stays quiet when the topic is not mentioned', () => {
    expect(flagsOf(prompt, stage, absent).map((f) => f.id)).not.toContain(flag);
  });
});

describe('absence is a miss, never a mistake', () => {
  it('raises no mistake for a deep model with no baseline named', () => {
    const report = scoreBuiltin('video-recommendation', '## Model\nWe train a two-tower model for retrieval and a deep ranking model on top.\n');
    expect(report.redFlags.filter((f) => f.id !== 'list-instead-of-reasoning')).toEqual([]);
    expect(report.stages.flatMap((s) => s.items).find((i) => i.id === 'baseline')!.status).toBe('missed');
  });

  it('reads a mistake in what was said, not in the heading above it', () => {
    const report = scoreBuiltin('people-you-may-know', '## Serving and launch\n### Offline batch\n- A daily offline job scores candidates and writes the top 300 per member to a store.\n');
    expect(report.redFlags.map((f) => f.id)).not.toContain('offline-only-launch');
  });

  it('raises no mistake for an empty answer', () => {
    expect(scoreBuiltin('fraud-detection', '## Clarify\nWhat is the goal?\n').redFlags.filter((f) => f.id !== 'list-instead-of-reasoning')).toEqual([]);
  });
});

describe('mistakes cost points', () => {
  it('scores an answer with a mistake below the same answer with its correction', () => {
    const base = '## Data\nLabels are reactions within an hour; features are author affinity and post age.\n## Evaluation\n';
    const wrong = scoreBuiltin('news-feed', `${base}If offline AUC beats the current model, we ship it to everyone.\n`);
    const right = scoreBuiltin('news-feed', `${base}A better offline AUC only earns an A/B test; we ship after the experiment shows more meaningful sessions.\n`);
    expect(wrong.overall).toBeLessThan(right.overall);
    expect(wrong.penalty).toBeGreaterThan(0);
  });
});
