import { describe } from 'vitest';
import { flagCases } from '../helpers/stage-cases.js';

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
