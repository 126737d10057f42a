import { describe } from 'vitest';
import { flagCases, type Case } from '../helpers/stage-cases.js';

// Red flags in natural wording (tryout 8, F6/F18/F24): a trigger written as an exact phrase missed the same
// mistake said with a content word between its words, in another order, with a pronoun or another verb form.
// The framework rubric's flags now also have concept patterns (word groups in one clause, any order). Each "fires" sentence
// is a wording of our own that raised nothing before; each "quiet" one is a correct statement near the same
// words that must stay quiet (negation, a correction, the losing side of a comparison).
describe('accuracy-only-metric: the framework mistake in natural wording', () => {
  const fires: Case[] = [
    ['fraud-detection', 'Evaluation', 'We judge the model by how many transactions it classifies correctly.'],
    ['harmful-content-detection', 'Evaluation', 'The model is evaluated by the percentage of posts it gets right.'],
  ];
  const quiet: Case[] = [
    ['fraud-detection', 'Evaluation', 'Accuracy is useless at 0.1% fraud, so we use precision and recall.'],
    ['fraud-detection', 'Evaluation', 'We report PR-AUC and recall at a 1% review rate.'],
    ['harmful-content-detection', 'Evaluation', 'We track precision and recall per harm type.'],
  ];
  flagCases('accuracy-only-metric', fires, quiet);
});

describe('balanced-test-set: the framework mistake in natural wording', () => {
  const fires: Case[] = [
    ['fraud-detection', 'Evaluation', 'The test set is rebalanced to 50/50 fraud and legitimate.'],
    ['fraud-detection', 'Evaluation', 'We downsample the legitimate payments in the evaluation set too.'],
    ['harmful-content-detection', 'Evaluation', 'We evaluate on an equal number of harmful and benign posts.'],
  ];
  const quiet: Case[] = [
    ['fraud-detection', 'Evaluation', 'The test set keeps the real fraud rate of 0.1%.'],
    ['fraud-detection', 'Evaluation', 'We rebalance only the training set; evaluation uses the natural distribution.'],
    ['harmful-content-detection', 'Evaluation', 'Evaluation uses a random sample of real traffic.'],
  ];
  flagCases('balanced-test-set', fires, quiet);
});

describe('engagement-without-guardrails: the framework mistake in natural wording', () => {
  const fires: Case[] = [
    ['news-feed', 'Frame', 'The model is trained to push engagement as high as it can go.'],
    ['video-recommendation', 'Frame', 'We optimize for as much watch time as possible.'],
  ];
  const quiet: Case[] = [
    ['news-feed', 'Frame', 'Maximizing raw time spent rewards outrage, so we add counter-metrics.'],
    ['news-feed', 'Frame', 'We weigh engagement against hides and reports, with a guardrail on them.'],
    ['video-recommendation', 'Frame', 'Watch time is the target, with satisfaction surveys as a guardrail.'],
  ];
  flagCases('engagement-without-guardrails', fires, quiet);
});

describe('evaluates-on-training-data: the framework mistake in natural wording', () => {
  const fires: Case[] = [
    ['ad-click-prediction', 'Evaluation', 'AUC is computed on the training set.'],
    ['news-feed', 'Evaluation', 'We check NDCG on the same examples we trained on.'],
  ];
  const quiet: Case[] = [
    ['ad-click-prediction', 'Evaluation', 'Training loss is tracked, but AUC is measured on held-out days.'],
    ['fraud-detection', 'Evaluation', 'We evaluate on a later month the model never saw in training.'],
    ['news-feed', 'Evaluation', 'Comparing training and validation loss tells us whether it overfits.'],
  ];
  flagCases('evaluates-on-training-data', fires, quiet);
});

describe('full-log-aggregates: the framework mistake in natural wording', () => {
  const fires: Case[] = [
    ['ad-click-prediction', 'Data', 'The advertiser\'s CTR feature uses every impression in our logs.'],
    ['news-feed', 'Data', 'Author popularity is the total likes their posts ever got, taken from today\'s tables.'],
  ];
  const quiet: Case[] = [
    ['ad-click-prediction', 'Data', 'The advertiser\'s CTR uses only impressions before the request time.'],
    ['fraud-detection', 'Data', 'Each card\'s counts are computed as of the payment\'s timestamp, only from earlier transactions.'],
    ['news-feed', 'Data', 'Author popularity is computed point in time from the logs.'],
  ];
  flagCases('full-log-aggregates', fires, quiet);
});

describe('offline-only-launch: the framework mistake in natural wording', () => {
  const fires: Case[] = [
    ['fraud-detection', 'Evaluation', 'Once recall on the test month is above the old model\'s, it replaces it in production.'],
  ];
  const quiet: Case[] = [
    ['fraud-detection', 'Evaluation', 'After offline recall improves we run a shadow test and then a 5% experiment before rolling out.'],
    ['news-feed', 'Evaluation', 'Offline NDCG picks candidates; the launch decision comes from a two-week A/B test on time spent.'],
  ];
  flagCases('offline-only-launch', fires, quiet);
});

describe('resampled-scores-as-probabilities: the framework mistake in natural wording', () => {
  const fires: Case[] = [
    ['fraud-detection', 'Model', 'Training data is balanced with SMOTE and the scores go to the threshold as probabilities.'],
  ];
  const quiet: Case[] = [
    ['ad-click-prediction', 'Model', 'We downsample negatives to 10% and recalibrate the scores before the auction.'],
    ['fraud-detection', 'Model', 'No resampling: we use class weights and calibrate on the validation month.'],
    ['fraud-detection', 'Model', 'We oversample fraud and then correct the outputs with Platt scaling.'],
  ];
  flagCases('resampled-scores-as-probabilities', fires, quiet);
});

describe('train-once: the framework mistake in natural wording', () => {
  const fires: Case[] = [
    ['ad-click-prediction', 'Monitoring', 'The model is trained a single time on last year\'s data and then served as is.'],
    ['fraud-detection', 'Monitoring', 'We train the model once and keep it in production.'],
    ['news-feed', 'Monitoring', 'No retraining is planned after launch.'],
  ];
  const quiet: Case[] = [
    ['ad-click-prediction', 'Monitoring', 'The model is trained incrementally every hour.'],
    ['fraud-detection', 'Monitoring', 'We retrain weekly on the newest matured labels.'],
    ['news-feed', 'Monitoring', 'We retrain daily and alert when calibration drifts.'],
  ];
  flagCases('train-once', fires, quiet);
});

describe('tuning-on-test-set: the framework mistake in natural wording', () => {
  const fires: Case[] = [
    ['ad-click-prediction', 'Model', 'We try several learning rates and keep the one that scores best on the test data.'],
  ];
  const quiet: Case[] = [
    ['ad-click-prediction', 'Model', 'We pick the learning rate on the validation set and report the test set only at the end.'],
    ['fraud-detection', 'Model', 'Hyperparameters are tuned on a validation month; the test month is touched once.'],
    ['news-feed', 'Model', 'The threshold comes from the validation set.'],
  ];
  flagCases('tuning-on-test-set', fires, quiet);
});

describe('whole-corpus-scoring: the framework mistake in natural wording', () => {
  const fires: Case[] = [
    ['ad-click-prediction', 'Serving', 'We run the deep model on all ads for every request.'],
    ['event-recommendation', 'Serving', 'Every event in the database is scored by the ranker per user visit.'],
  ];
  const quiet: Case[] = [
    ['ad-click-prediction', 'Serving', 'Targeting filters leave a few hundred ads for the ranker.'],
    ['event-recommendation', 'Serving', 'Candidates are nearby events, a few hundred, scored by the ranker.'],
    ['search-ranking', 'Serving', 'Retrieval narrows the catalog to 1,000 products, which the ranker scores.'],
  ];
  flagCases('whole-corpus-scoring', fires, quiet);
});
