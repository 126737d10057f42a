import { describe, expect, it } from 'vitest';
import { statusOf } from '../helpers/stage-cases.js';

// A negation scoped to one part of the practice (a phase, a place, a part of the population: "at serving
// time", "in the checkout path", "for new users") says where the practice does not apply; it does not
// rule the item out, and the part it names is often the item itself (scoring/negation.ts, partScoped and
// namesThePart). A refusal of the whole practice, a deferral, or a live-only practice scoped to where it
// always runs still rules the item out.

type Case = [prompt: string, stage: string, text: string, item: string];

describe('a negation scoped to one part of the practice does not rule the item out', () => {
  it.each<Case>([
    ['ad-click-prediction', 'Data', 'We never use the ad position as a feature at serving time.', 'position-bias'],
    ['ad-click-prediction', 'Data', 'The ad position is never used at serving time; in training it is a feature like any other.', 'position-bias'],
    ['video-recommendation', 'Model', "We don't use user IDs for new users; they get content-based picks.", 'cold-start'],
    ['video-recommendation', 'Serving', 'We never compute the video embeddings at request time.', 'online-vs-batch'],
    ['fraud-detection', 'Serving', "We don't run the heavy graph model in the checkout path.", 'online-vs-batch'],
    ['news-feed', 'Data', "We don't downsample negatives at evaluation time, only for training.", 'class-imbalance'],
    ['ad-click-prediction', 'Data', 'Never use the label as a feature.', 'labels'],
  ])('%s / %s: %j leaves %s standing', (prompt, stage, text, item) => {
    expect(statusOf(prompt, stage, text, item)).not.toBe('negated');
  });

  it.each<Case>([
    ['ad-click-prediction', 'Data', 'We never use the ad position as a feature at serving time.', 'position-bias'],
    ['video-recommendation', 'Serving', 'We never compute the video embeddings at request time.', 'online-vs-batch'],
    ['video-recommendation', 'Model', "We don't use user IDs for new users; they get content-based picks.", 'cold-start'],
    ['fraud-detection', 'Serving', "We don't run the heavy graph model in the checkout path.", 'online-vs-batch'],
  ])('%s / %s: %j covers %s', (prompt, stage, text, item) => {
    expect(statusOf(prompt, stage, text, item)).toBe('covered');
  });
});

describe('a refusal of the whole practice still rules the item out', () => {
  it.each<Case>([
    ['ad-click-prediction', 'Data', "We don't use the ad position as a feature.", 'position-bias'],
    ['ad-click-prediction', 'Evaluation', 'We never run an A/B test in production.', 'ab-test'],
    ['news-feed', 'Evaluation', 'No online experiments for this ranker.', 'ab-test'],
    ['ad-click-prediction', 'Monitoring', "We don't retrain after launch.", 'retraining'],
    ['ad-click-prediction', 'Model', "We don't need calibration in production.", 'calibration'],
    ['video-recommendation', 'Model', "We don't handle new users at all.", 'cold-start'],
  ])('%s / %s: %j rules %s out', (prompt, stage, text, item) => {
    expect(statusOf(prompt, stage, text, item)).toBe('negated');
  });
});

describe('a dismissal verb after a determiner is a noun, an event', () => {
  it.each<Case>([
    ['news-feed', 'Data', 'A click within 30 minutes is positive, a skip is negative.', 'labels'],
    ['video-recommendation', 'Data', 'Every skip is negative and a full watch is positive.', 'labels'],
  ])('%s / %s: %j covers %s', (prompt, stage, text, item) => {
    expect(statusOf(prompt, stage, text, item)).toBe('covered');
  });
  it('the verb still dismisses', () => {
    expect(statusOf('ad-click-prediction', 'Evaluation', 'We skip the A/B test for this launch.', 'ab-test')).toBe('negated');
  });
});
