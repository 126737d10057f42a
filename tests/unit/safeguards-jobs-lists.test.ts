import { describe } from 'vitest';
import { flagCases, itemCases } from '../helpers/stage-cases.js';

// Misjudged statements of three kinds (judge, round 7), each tested with sentences of our own on more
// than one prompt where the kind allows, with sentences that must fire and sentences that must not.

describe('other work clears a batch flag only when it is all the job does', () => {
  flagCases(
    'batch-fraud-scoring',
    [
      ['fraud-detection', 'Serving', 'We batch-score and retrain nightly.'],
      ['fraud-detection', 'Serving', 'A nightly batch job scores the payments and refreshes the aggregates.'],
      ['fraud-detection', 'Serving', 'A nightly batch job refreshes the aggregates and scores the payments.'],
      ['fraud-detection', 'Serving', 'Retraining and batch scoring run nightly.'],
      ['fraud-detection', 'Serving', 'Every night a batch job exports the features, then scores the day\'s transactions.'],
    ],
    [
      ['fraud-detection', 'Serving', 'We retrain and export nightly in a batch job.'],
      ['fraud-detection', 'Serving', 'The nightly batch job retrains the model and exports the features.'],
      ['fraud-detection', 'Serving', 'A nightly batch job retrains the model and we score each payment as it arrives.'],
      ['fraud-detection', 'Serving', 'Nightly batch job for retraining and exports.'],
    ],
  );
  flagCases(
    'precomputed-eta',
    [
      ['eta-prediction', 'Serving', 'A nightly batch job predicts every ETA and retrains the model.'],
      ['eta-prediction', 'Serving', 'We precompute the ETAs in a nightly batch and retrain weekly.'],
    ],
    [
      ['eta-prediction', 'Serving', 'The model is retrained in a nightly batch job.'],
      ['eta-prediction', 'Serving', 'Retraining runs as a daily batch.'],
    ],
  );
});

describe('a list of terms needs several short fragments, never one sentence', () => {
  flagCases(
    'list-instead-of-reasoning',
    [
      ['news-feed', 'Model', 'GBDT, logistic regression, DCN, two-tower, focal loss.'],
      ['fraud-detection', 'Monitoring', 'PSI, KL divergence, alerts, dashboards, retraining.'],
      ['video-recommendation', 'Notes', 'feature store, embeddings, ANN index, caching, canary'],
      ['ad-click-prediction', 'Serving', '- online prediction\n- feature cache\n- canary release\n- rollback'],
    ],
    [
      ['fraud-detection', 'Notes', 'No model ships without shadow mode and a canary.'],
      ['fraud-detection', 'Serving', 'No model ships without shadow mode and a canary.'],
      ['news-feed', 'Serving', 'Fallback to the popularity list on timeouts.'],
      ['ad-click-prediction', 'Data', 'Clicks within thirty seconds count as positives.'],
      ['search-ranking', 'Evaluation', 'A week-long interleaving test before any launch.'],
      // Long fragments are prose, not terms.
      ['video-recommendation', 'Monitoring', '- A holdout of viewers on the old ranker for the rest of the quarter as a long-term control\n- A second holdout of creators on the old ranker for the rest of the year as another control\n- A slice of traffic on a uniform random ranking for the length of the quarter as exploration'],
    ],
  );
});

describe('a never / no rule with a guard after what it names keeps that thing safe, it does not rule it out', () => {
  itemCases('features', 'covered', [
    ['fraud-detection', 'Data', 'We never compute features from data after the transaction time.'],
    ['news-feed', 'Data', 'No aggregate feature reads events after the impression time.'],
  ]);
  itemCases('retraining', 'covered', [
    ['ad-click-prediction', 'Monitoring', 'We do not retrain until drift is detected.'],
    ['video-recommendation', 'Monitoring', 'We never retrain without validating on the most recent week.'],
  ]);
  itemCases('calibration', 'covered', [['ad-click-prediction', 'Model', 'We never calibrate on the test set.']]);
  itemCases('ab-test', 'covered', [
    ['search-ranking', 'Evaluation', 'We never ship before an A/B test.'],
    ['news-feed', 'Evaluation', 'We never ship a ranker that beats the baseline offline without an A/B test.'],
  ]);
  itemCases('baseline', 'covered', [['fraud-detection', 'Model', 'No model is deployed before it beats the baseline on the holdout.']]);
  // A guard that names a stage of the system's life or a deferral still rules the thing out.
  itemCases('retraining', 'negated', [
    ['ad-click-prediction', 'Monitoring', "We don't retrain after launch."],
    ['fraud-detection', 'Monitoring', 'No retraining until the next quarter.'],
    ['news-feed', 'Monitoring', "We don't retrain the model after all."],
  ]);
  itemCases('ab-test', 'negated', [['news-feed', 'Evaluation', "We won't run an A/B test before launch."]]);
  flagCases(
    'offline-only-launch',
    [
      ['news-feed', 'Evaluation', "We won't run an A/B test before launch."],
      ['ad-click-prediction', 'Evaluation', 'We launch without an A/B test.'],
    ],
    [
      ['search-ranking', 'Evaluation', 'We never ship before an A/B test.'],
      ['news-feed', 'Evaluation', 'We never ship a ranker that beats the baseline offline without an A/B test.'],
      ['fraud-detection', 'Model', 'No model is deployed before it beats the baseline on the holdout.'],
    ],
  );
});

describe('one reading of the losing side of a comparison clears flags', () => {
  flagCases(
    'batch-scoring-for-ads',
    [['ad-click-prediction', 'Serving', 'We use batch prediction once a day.']],
    [
      ['ad-click-prediction', 'Serving', 'We opted for scoring each request over batch prediction.'],
      ['ad-click-prediction', 'Serving', 'Scoring each request is superior to batch prediction for fast-changing bids.'],
      ['ad-click-prediction', 'Serving', 'Per-request scoring beats batch prediction here.'],
    ],
  );
});
