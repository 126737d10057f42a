import { describe, expect, it } from 'vitest';
import { flagCases, statusOf, type Case } from '../helpers/stage-cases.js';

// "A flag needs the candidate to assert the thing" (README, Mistakes): false red flags and false
// "ruled out" readings found by tryout 7, fixed per kind. Each kind is tested with sentences of our
// own, on more than one prompt where the kind allows, with sentences that must still fire.
describe('a random slice of live decisions kept for exploration or unbiased labels is no data split', () => {
  flagCases(
    'random-split-temporal-data',
    [
      ['ad-click-prediction', 'Data', 'We randomly hold out 20% of the impressions as the test set.'],
      ['search-ranking', 'Evaluation', 'The test set is a random holdout of 10% of all query logs.'],
      ['fraud-detection', 'Data', 'We shuffle the transactions and keep a random holdout for testing.'],
    ],
    [
      ['search-ranking', 'Monitoring', 'A random holdout of 1% of traffic gets a shuffled ranking, so we collect unbiased click data.'],
      ['notification-ranking', 'Monitoring', 'A small random holdout of sends goes out unranked, which keeps exploration data flowing.'],
      ['fraud-detection', 'Monitoring', 'To correct selection bias we let through a random holdout of flagged orders and learn from their outcomes.'],
      ['ad-click-prediction', 'Monitoring', 'We keep a random holdout of impressions served by a uniform policy to estimate propensities.'],
    ],
  );
});

describe('a batch job that does something other than scoring the payment is no batch scoring', () => {
  flagCases(
    'batch-fraud-scoring',
    [
      ['fraud-detection', 'Serving', 'Payments are scored by a nightly batch job.'],
      ['fraud-detection', 'Serving', 'A batch job scores the day\'s transactions every night.'],
      ['fraud-detection', 'Serving', 'We run batch scoring every hour.'],
    ],
    [
      ['fraud-detection', 'Serving', 'Card-level aggregates are recomputed by a nightly batch job; each payment is scored in the authorization call.'],
      ['fraud-detection', 'Serving', 'A batch job retrains the model every Sunday.'],
      ['fraud-detection', 'Serving', 'Every night a batch job exports the analyst decisions to the warehouse.'],
      ['fraud-detection', 'Notes', 'A nightly batch job backfills the 30-day merchant features for the report.'],
    ],
  );
});

describe('"Without X, <what goes wrong>" argues for X, whatever words the consequence takes', () => {
  const forIt: Array<[...Case, string]> = [
    ['fraud-detection', 'Serving', 'Without a feature store, serving would be inconsistent with training, so we use one.', 'feature-store'],
    ['search-ranking', 'Evaluation', 'Without an A/B test, offline NDCG gains could be misleading, so we run one for two weeks.', 'ab-test'],
    ['news-feed', 'Data', 'Without a split by time the offline AUC is too optimistic.', 'data-splitting'],
    ['ad-click-prediction', 'Data', 'Without a split by date the validation numbers are meaningless.', 'data-splitting'],
  ];
  it.each(forIt)('covers the item on %s: %s / %s (%s)', (prompt, stage, text, item) => {
    expect(statusOf(prompt, stage, text, item)).toBe('covered');
  });
  const against: Array<[...Case, string]> = [
    ['fraud-detection', 'Serving', 'Without a feature store we would compute features in the request.', 'feature-store'],
    ['search-ranking', 'Evaluation', 'We launch the new ranker without an A/B test.', 'ab-test'],
    ['news-feed', 'Model', 'Without a baseline we go straight to a deep ranker.', 'baseline'],
  ];
  it.each(against)('still reads the item as ruled out on %s: %s / %s (%s)', (prompt, stage, text, item) => {
    expect(statusOf(prompt, stage, text, item)).toBe('negated');
  });
});

describe('"X is not a problem for A, but B needs Y" addresses X for B', () => {
  const forIt: Array<[...Case, string]> = [
    ['fraud-detection', 'Data', 'Leakage is not a concern for the static card features, but velocity counters must be computed as of the payment time.', 'data-leakage'],
    ['video-recommendation', 'Model', 'Cold start is not an issue for popular titles, whereas fresh uploads get content embeddings.', 'cold-start'],
  ];
  it.each(forIt)('covers the item on %s: %s / %s (%s)', (prompt, stage, text, item) => {
    expect(statusOf(prompt, stage, text, item)).toBe('covered');
  });
  const against: Array<[...Case, string]> = [
    ['video-recommendation', 'Model', 'Cold start is not a problem for us.', 'cold-start'],
    ['video-recommendation', 'Model', 'Cold start is not a problem for us, but we add content features.', 'cold-start'],
    ['fraud-detection', 'Data', 'Leakage is not a concern here.', 'data-leakage'],
  ];
  it.each(against)('still reads the item as ruled out on %s: %s / %s (%s)', (prompt, stage, text, item) => {
    expect(statusOf(prompt, stage, text, item)).toBe('negated');
  });
});

describe('a canary or shadow run chosen in place of an A/B test is an online test, as the flag explains', () => {
  flagCases(
    'offline-only-launch',
    [
      ['search-ranking', 'Evaluation', "We don't need an A/B test; the new ranker ships when NDCG beats the old one."],
      ['eta-prediction', 'Evaluation', 'An A/B test is unnecessary, we ship it.'],
      ['news-feed', 'Evaluation', 'We skip the A/B test and skip the canary too.'],
      ['search-ranking', 'Evaluation', 'We do not need an A/B test, offline NDCG is enough and an experiment could delay the launch.'],
    ],
    [
      ['eta-prediction', 'Evaluation', 'An A/B test is unnecessary, a shadow deployment compares both models on live orders.'],
      ['search-ranking', 'Evaluation', 'We skip a full A/B test and ramp the ranker up gradually with guardrails.'],
      ['news-feed', 'Evaluation', 'No A/B test is required since a canary on a small share of users catches regressions.'],
    ],
  );
});

describe('"not X alone", "X alone leads to <harm>" reject X as the whole practice', () => {
  flagCases(
    'revenue-over-relevance',
    [['search-ranking', 'Model', 'We rank by margin alone.'], ['search-ranking', 'Model', 'We rank by profit to lift revenue.']],
    [
      ['search-ranking', 'Model', 'We do not rank by profit alone: relevance comes first.'],
      ['search-ranking', 'Model', 'To rank by margin alone causes shoppers to leave, so relevance stays the main score.'],
    ],
  );
  flagCases(
    'clicks-only-objective',
    [['news-feed', 'Model', 'We optimize for clicks.']],
    [
      ['news-feed', 'Model', 'We never optimize for clicks alone; comments and shares count as well.'],
      ['news-feed', 'Model', 'Ranking by click probability alone rewards clickbait, so we blend several reactions.'],
    ],
  );
});

describe('"not just X" with nothing added, and the losing side of a comparison, reject X', () => {
  flagCases(
    'knowledge-in-weights',
    [
      ['rag-support-assistant', 'Model', 'We fine-tune on the documentation every month.'],
      ['rag-support-assistant', 'Model', 'We will not just fine-tune on the documentation but also retrieve from it.'],
    ],
    [
      ['rag-support-assistant', 'Model', 'We will not just train on the help articles; retrieval keeps answers current.'],
      ['rag-support-assistant', 'Model', 'Retrieval beats fine-tuning on our docs, since articles change every week.'],
    ],
  );
  flagCases(
    'accuracy-only-metric',
    [['fraud-detection', 'Evaluation', 'The main metric is accuracy on the last month.']],
    [
      ['fraud-detection', 'Evaluation', 'We choose recall at a fixed decline rate over accuracy, since only 0.2% are fraud.'],
      ['fraud-detection', 'Evaluation', 'Unlike accuracy, PR AUC reflects how rare fraud is.'],
      ['harmful-content-detection', 'Evaluation', 'Precision and recall per class are safer than accuracy here because harmful posts are rare.'],
    ],
  );
  flagCases(
    'straight-line-distance',
    [['eta-prediction', 'Data', 'A key feature is the haversine distance from the store to the customer.']],
    [
      ['eta-prediction', 'Data', 'Route length on the road graph replaces haversine distance as the main feature.'],
      ['eta-prediction', 'Data', 'Driving time on the road graph is better than straight-line distance as a feature.'],
    ],
  );
  flagCases(
    'batch-scoring-for-ads',
    [['ad-click-prediction', 'Serving', 'We use batch prediction for all ads to save compute.']],
    [['ad-click-prediction', 'Serving', 'We opted for scoring each request over batch prediction, since bids change every minute.']],
  );
});

describe('a practice stated with its correction in the same clause is not the mistake', () => {
  flagCases(
    'raw-clicks-as-relevance',
    [['search-ranking', 'Data', 'We train on clicks from the search logs.']],
    [['search-ranking', 'Data', 'We train on clicks, debiased with propensities from a small top-slot swap.']],
  );
  flagCases(
    'stale-nightly-index',
    [['rag-support-assistant', 'Serving', 'The index is rebuilt from scratch once a day.'.replace('rebuilt from scratch', 're-embedded')]],
    [
      ['rag-support-assistant', 'Serving', 'Edited articles are re-embedded within minutes of publishing, and a weekly job re-embeds everything as a backstop.'],
      ['rag-support-assistant', 'Serving', 'Webhooks re-index an article when it changes; a nightly full re-index is the fallback.'],
    ],
  );
});
