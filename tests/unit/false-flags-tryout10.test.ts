import { describe } from 'vitest';
import { flagCases, itemCases } from '../helpers/stage-cases.js';

// Tryout 10: correct statements that raised major flags or were read as ruled out.
describe('a test set kept at the natural rate is no tuning on it ("settings" shares the stem of "set")', () => {
  flagCases('tuning-on-test-set', [
    ['fraud-detection', 'Evaluation', 'We tune the decline threshold on the test set.'],
    ['news-feed', 'Model', 'We try several learning rates and keep the one that scores best on the test data.'],
  ], [
    ['fraud-detection', 'Evaluation', 'We train on a balanced, downsampled training set but keep the test set at the natural fraud rate.'],
    ['fraud-detection', 'Data', 'We downsample negatives in the training set only; the test set keeps the real class ratio.'],
    ['harmful-content-detection', 'Evaluation', 'The test set keeps the true share of violating posts.'],
  ]);
});

describe('accuracy beside the metric that matters is no accuracy-only evaluation', () => {
  flagCases('accuracy-only-metric', [
    ['fraud-detection', 'Evaluation', 'We evaluate the model by its accuracy on the test set.'],
  ], [
    ['fraud-detection', 'Evaluation', 'Primary metric PR AUC; accuracy is a secondary sanity check.'],
    ['fraud-detection', 'Evaluation', 'Accuracy is reported only as a sanity check next to PR AUC.'],
    ['harmful-content-detection', 'Evaluation', 'We track accuracy alongside recall at a fixed precision.'],
  ]);
});

describe('a payment counts as legitimate only once its chargeback window has passed', () => {
  flagCases('immature-negatives', [
    ['fraud-detection', 'Data', 'Recent payments with no chargeback yet count as negatives.'],
  ], [
    ['fraud-detection', 'Data', 'A payment counts as legitimate if 90 days have passed without a chargeback.'],
    ['fraud-detection', 'Data', 'Negatives are payments with no chargeback after three months.'],
  ]);
});

describe('skip-gram and skip connections are no skipping', () => {
  itemCases('browsing-sessions', 'covered', [['similar-listings', 'Model', 'We train skip-gram embeddings on browsing sessions.']]);
});

describe('relevance kept first with margin as a small tie-breaker is no revenue-over-relevance ranking', () => {
  flagCases('revenue-over-relevance', [
    ['search-ranking', 'Model', 'Results are ordered by the margin each product earns.'],
    ['search-ranking', 'Model', 'We rank by margin, since revenue is what the business wants.'],
  ], [
    ['search-ranking', 'Model', 'We rank by relevance first, then a small margin boost for ties.'],
    ['search-ranking', 'Model', 'The score is the relevance score plus a small boost for margin, capped so relevance dominates.'],
  ]);
});
