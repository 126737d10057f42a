import { describe, expect, it } from 'vitest';
import { statusOf } from '../helpers/stage-cases.js';

// Class imbalance stated through a share: the majority's ("99.9% of payments are fine", "most transactions
// are legitimate"), the negative class in never/no words ("98% of impressions are never clicked", "almost
// no users report a post"), or the rare class's ("only 2% of impressions get a click"). The never/no
// words name the negative class; they refuse nothing (reading/lexicon.ts, base-rate).

type Case = [prompt: string, stage: string, text: string];

describe('imbalance said through a share covers class imbalance', () => {
  it.each<Case>([
    ['ad-click-prediction', 'Data', '98% of impressions are never clicked.'],
    ['ad-click-prediction', 'Data', 'Only 2% of impressions get a click.'],
    ['fraud-detection', 'Data', 'Most transactions are legitimate.'],
    ['fraud-detection', 'Data', '99.9% of payments are fine.'],
    ['fraud-detection', 'Data', 'Only a tiny share of payments turn out to be fraud.'],
    ['fraud-detection', 'Data', 'Almost no payments are fraudulent.'],
    ['harmful-content-detection', 'Data', 'Almost no users report a post.'],
    ['harmful-content-detection', 'Data', '99% of posts are fine, which makes accuracy useless.'],
    ['notification-ranking', 'Data', 'Nearly all notifications are never opened.'],
    ['ad-click-prediction', 'Data', 'Just 1% of impressions are clicked.'],
  ])('%s / %s: %j', (prompt, stage, text) => {
    expect(statusOf(prompt, stage, text, 'class-imbalance')).toBe('covered');
  });
});

describe('a share of something else is no class imbalance', () => {
  it.each<Case>([
    ['ad-click-prediction', 'Evaluation', 'We send 5% of traffic to the new model and compare clicks per user.'],
    ['ad-click-prediction', 'Serving', '99% of requests never time out.'],
    ['harmful-content-detection', 'Clarify', 'Most users are fine with a short delay before a post appears.'],
    ['fraud-detection', 'Serving', 'Most payments are approved in under 100 ms.'],
    ['news-feed', 'Clarify', 'Almost no latency budget is left for the ranker.'],
    // The majority's words naming the things counted, not their state.
    ['fraud-detection', 'Serving', 'Most legitimate payments are approved instantly.'],
    ['fraud-detection', 'Evaluation', 'We let 98% of genuine customers through without a challenge.'],
    ['people-you-may-know', 'Evaluation', 'We train until the accuracy on the test edges is good, maybe above 95%.'],
  ])('%s / %s: %j', (prompt, stage, text) => {
    expect(statusOf(prompt, stage, text, 'class-imbalance')).not.toBe('covered');
  });
});
