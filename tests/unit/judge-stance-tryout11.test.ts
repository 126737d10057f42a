import { describe, expect, it } from 'vitest';
import { flagCases, itemCases, statusOf } from '../helpers/stage-cases.js';

// Tryout 11: statements the scorer misjudged. A category kept clean read as the category ruled out; a
// practice said not to be done, a harm accepted, or a practice named as an option's cost, credited.

describe('keeping things out of a label class defines the class; it does not rule the labels out', () => {
  itemCases('labels', 'covered', [
    ['fraud-detection', 'Data', "Declined payments never get a chargeback, so we don't label them as fraud."],
    ['ad-click-prediction', 'Data', "Impressions without a click are negatives; we don't count unseen ads as negatives."],
    ['ad-click-prediction', 'Data', 'Impressions without a click are negatives.'],
    ['ad-click-prediction', 'Data', 'Sessions without a click count as negatives.'],
    ['event-recommendation', 'Data', "We don't treat fresh impressions as negatives until the registration window closes."],
    ['news-feed', 'Data', 'Posts scrolled past in under a second are not counted as negatives.'],
    ['video-recommendation', 'Data', "Labels: we don't use clicks as positives, only watches past half the video."],
  ]);
  it('a concept matched across two clauses, the first negated, is neither said nor ruled out', () => {
    const text = "Declined payments never get a chargeback, so we don't label them as fraud.";
    expect(statusOf('fraud-detection', 'Data', text, 'data-sources')).toBe('missed');
    expect(statusOf('fraud-detection', 'Data', text, 'data-availability')).toBe('missed');
  });
  // Near misses: the labels refused outright, or the thing and its class refused together (a flag's words).
  itemCases('labels', 'negated', [
    ['ad-click-prediction', 'Data', 'We train without negative examples.'],
    ['ad-click-prediction', 'Data', 'We have no negative labels at all.'],
  ]);
  flagCases('declines-as-fraud-labels', [
    ['fraud-detection', 'Data', 'We label declined payments as fraud.'],
  ], [
    ['fraud-detection', 'Data', "We don't label declined payments as fraud."],
    ['fraud-detection', 'Data', "Declined payments never get a chargeback, so we don't label them as fraud."],
  ]);
});

describe('a practice said not to be done ("X nothing", "X: none yet") earns nothing', () => {
  itemCases('ab-test', 'negated', [
    ['ad-click-prediction', 'Evaluation', 'We A/B tested nothing yet; we will ship once offline AUC beats the baseline.'],
    ['ad-click-prediction', 'Evaluation', 'We A/B test nothing; offline AUC decides the launch.'],
    ['ad-click-prediction', 'Evaluation', 'A/B testing: none yet, we launch when offline AUC beats the baseline.'],
    ['ad-click-prediction', 'Evaluation', 'A/B tests: none planned.'],
    ["ad-click-prediction", 'Evaluation', "We haven't A/B tested anything yet."],
    ['ad-click-prediction', 'Evaluation', 'We ship without any A/B test once offline AUC beats the baseline.'],
  ]);
  itemCases('calibration', 'negated', [
    ['ad-click-prediction', 'Model', 'We calibrate nothing; raw scores go to the auction.'],
    ['ad-click-prediction', 'Model', 'Calibration: nothing yet.'],
  ]);
  flagCases('offline-only-launch', [
    ['ad-click-prediction', 'Evaluation', 'We A/B tested nothing yet; we will ship once offline AUC beats the baseline.'],
  ], []);
  // Near misses: "nothing" or "none" that is not the practice's object.
  itemCases('ab-test', 'covered', [
    ['ad-click-prediction', 'Evaluation', 'We ran an A/B test and nothing regressed.'],
    ['ad-click-prediction', 'Evaluation', 'The A/B test showed nothing.'],
    ['ad-click-prediction', 'Evaluation', 'We A/B test everything before launch.'],
  ]);
  itemCases('calibration', 'covered', [
    ['ad-click-prediction', 'Model', 'Calibration: nothing fancy, Platt scaling on a holdout day.'],
    ['ad-click-prediction', 'Model', 'Calibration: Platt scaling; nothing else.'],
  ]);
});

describe('a harm named and accepted is not handled', () => {
  itemCases('objective-pitfalls', 'negated', [
    ['video-recommendation', 'Data', 'Labels: a click is a positive; we ignore watch time so clickbait is fine.'],
    ['video-recommendation', 'Frame', 'clickbait is fine by us because clicks are what we are paid for'],
    ['video-recommendation', 'Frame', 'We are fine with some clickbait.'],
    ['video-recommendation', 'Frame', "We don't mind clickbait since it lifts CTR."],
    ['video-recommendation', 'Frame', 'Clickbait is fine as clicks pay the bills.'],
  ]);
  itemCases('recall-priority', 'negated', [
    ['street-view-blurring', 'Evaluation', 'A recall of 90% on faces is good enough; missing a few faces is acceptable.'],
    ['street-view-blurring', 'Evaluation', 'A few missed faces are OK.'],
    ['street-view-blurring', 'Evaluation', 'We accept missing some plates.'],
  ]);
  // The flag that handling clickbait would clear is raised.
  flagCases('clicks-as-relevance', [
    ['video-recommendation', 'Data', 'Labels: a click is a positive; we ignore watch time so clickbait is fine.'],
  ], [
    ['video-recommendation', 'Data', 'Labels: a click is a positive, but clicks alone reward clickbait, so we weight by watch time.'],
  ]);
  // Near misses: the price of a remedy accepted, a harm refused, a tolerance bounded by a condition.
  itemCases('recall-priority', 'covered', [
    ['street-view-blurring', 'Evaluation', 'Over-blurring is acceptable: a blurred sign costs little.'],
    ['street-view-blurring', 'Evaluation', 'Missed faces are unacceptable, so we set a low threshold.'],
    ['street-view-blurring', 'Evaluation', 'A low confidence threshold is fine; over blurring is cheap.'],
  ]);
  itemCases('objective-pitfalls', 'covered', [
    ['video-recommendation', 'Frame', 'Clickbait is not fine: we train on watched at least half.'],
    ['video-recommendation', 'Frame', 'Clickbait would be fine if we only cared about CTR, but we predict watch time.'],
  ]);
  itemCases('drift', 'covered', [['fraud-detection', 'Monitoring', 'Some drift is fine as long as we retrain weekly and alert when PSI passes 0.2.']]);
  itemCases('baseline', 'covered', [['fraud-detection', 'Model', 'A logistic regression baseline is fine to start.']]);
});

describe("a practice named as an option's cost is a trade-off's reason, not the practice", () => {
  itemCases('retraining', 'missed', [
    ['ad-click-prediction', 'Model', 'We pick GBDT over a deep network: slower to retrain.'],
    ['ad-click-prediction', 'Model', 'We pick GBDT over a deep network because the network is slower to retrain.'],
    ['ad-click-prediction', 'Model', 'GBDT: costly to retrain, so we start with logistic regression.'],
    ['visual-search', 'Model', '| Encoder | Pros | Cons |\n|---|---|---|\n| Pretrained CNN | Cheap to start | Misses product detail |\n| Fine-tuned ViT | Best recall | Costly to retrain |'],
  ]);
  itemCases('calibration', 'missed', [['ad-click-prediction', 'Model', 'A deep net is more expensive to serve and harder to calibrate, so we use GBDT.']]);
  itemCases('model-tradeoffs', 'covered', [
    ['visual-search', 'Model', '| Encoder | Pros | Cons |\n|---|---|---|\n| Pretrained CNN | Cheap to start | Misses product detail |\n| Fine-tuned ViT | Best recall | Costly to retrain |'],
  ]);
  // Near misses: the practice chosen beside the cost, a benefit, no trade-off at all.
  itemCases('retraining', 'covered', [
    ['ad-click-prediction', 'Model', 'The deep model is slow to retrain, so we retrain it weekly.'],
    ['ad-click-prediction', 'Model', 'It is costly to retrain daily, so we retrain weekly on a 30-day window.'],
    ['ad-click-prediction', 'Model', 'Logistic regression is cheap to retrain hourly, so we retrain it every hour.'],
    ['ad-click-prediction', 'Monitoring', 'It is important to retrain weekly.'],
  ]);
  itemCases('calibration', 'covered', [['ad-click-prediction', 'Model', 'Harder to calibrate, so we apply Platt scaling after training.']]);
  // A difficulty of the practice itself, with no options weighed, still names it.
  itemCases('ab-test', 'covered', [['ad-click-prediction', 'Evaluation', "It's hard to A/B test in a marketplace, so we run switchback experiments."]]);
});
