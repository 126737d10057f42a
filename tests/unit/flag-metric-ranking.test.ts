import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/scoring/analyze.js';
import { partOf } from '../../src/scoring/clause-part.js';
import { flagCases } from '../helpers/stage-cases.js';

// accuracy-only-metric read by the rank a metric is given (rubrics/framework.yaml, leadNear and rivals):
// accuracy ranked first is a mistake even with a proper metric named below it; accuracy named beside a
// proper metric that is what decides is none.

describe('accuracy ranked first, with a proper metric only secondary or also tracked, is flagged', () => {
  flagCases('accuracy-only-metric', [
    ['fraud-detection', 'Evaluation', 'Accuracy is the primary metric and PR AUC is secondary.'],
    ['fraud-detection', 'Evaluation', 'Our main metric is accuracy, with recall tracked as well.'],
    ['harmful-content-detection', 'Evaluation', 'The headline metric is accuracy, and precision and recall are reported alongside.'],
    ['ad-click-prediction', 'Evaluation', 'Model selection is by accuracy, while PR AUC is a secondary check.'],
    ['notification-ranking', 'Evaluation', 'Accuracy is our north star metric, and we keep AUC as a second number.'],
    ['people-you-may-know', 'Evaluation', 'Accuracy decides between models, with log loss as a tie-breaker.'],
    ['street-view-blurring', 'Evaluation', 'The main offline metric is accuracy, while recall is monitored too.'],
    ['video-recommendation', 'Evaluation', 'Our key metric is prediction accuracy, plus we look at recall.'],
  ], [
    // The contrast: the proper metric ranked first, accuracy reported beside it.
    ['fraud-detection', 'Evaluation', 'PR AUC is the primary metric; we also report accuracy.'],
    ['harmful-content-detection', 'Evaluation', 'The main metric is PR AUC, with accuracy as a sanity check.'],
    ['event-recommendation', 'Evaluation', 'NDCG at 10 is the primary offline metric, and accuracy is kept only as a sanity check.'],
    ['search-ranking', 'Evaluation', 'Precision and recall are our primary metrics. We also report accuracy.'],
    ['street-view-blurring', 'Evaluation', 'Recall on faces is the main metric, and accuracy is logged as well.'],
    // Metrics listed together as primary: accuracy is not alone.
    ['fraud-detection', 'Evaluation', 'Our primary metrics are accuracy and PR AUC.'],
  ]);
});

describe('accuracy named next to proper metrics that decide is no accuracy-only metric', () => {
  flagCases('accuracy-only-metric', [
    // Controls: accuracy alone, or ranked first while a proper metric ranks nothing.
    ['fraud-detection', 'Evaluation', 'Accuracy is our metric.'],
    ['fraud-detection', 'Evaluation', 'The main risk is low recall on new fraud patterns. Accuracy is our metric.'],
    ['harmful-content-detection', 'Evaluation', 'We pick the model with the best accuracy and keep an eye on F1.'],
    ['fraud-detection', 'Evaluation', 'Accuracy decides which model ships; we also log PR AUC.'],
  ], [
    ['news-feed', 'Evaluation', 'We measure accuracy of the like prediction but choose models by log loss and NDCG.'],
    ['ad-click-prediction', 'Evaluation', 'We track accuracy, but the model is selected by log loss.'],
    ['news-feed', 'Evaluation', 'Accuracy is logged too. Models are chosen by NDCG and log loss.'],
    ['people-you-may-know', 'Evaluation', 'Accuracy gets reported, while the model is chosen by recall at 20.'],
    ['video-recommendation', 'Evaluation', 'Log loss is the main offline metric; accuracy is also shown on the dashboard.'],
  ]);
});

describe('the part of a clause a match stands in', () => {
  /** The words of the part around the first occurrence of `word`, the clause being the whole text. */
  const part = (text: string, word: string): string => {
    const { tokens } = analyze(text);
    const at = tokens.findIndex((t) => t.raw === word);
    const [first, last] = partOf(tokens, [0, tokens.length], [at, at + 1]);
    return tokens.slice(first, last).map((t) => t.raw).join(' ');
  };
  it('cuts at an opener that starts a claim of its own', () => {
    expect(part('accuracy is the primary metric and recall is secondary', 'recall')).toBe('and recall is secondary');
    expect(part('accuracy is the primary metric and recall is secondary', 'accuracy')).toBe('accuracy is the primary metric');
    expect(part('we measure accuracy but choose models by recall', 'recall')).toBe('but choose models by recall');
    expect(part('our main metric is accuracy, with recall tracked as well', 'accuracy')).toBe('our main metric is accuracy');
  });
  it('keeps nouns listed with the match in its part', () => {
    expect(part('our primary metrics are accuracy and recall', 'accuracy')).toBe('our primary metrics are accuracy and recall');
    expect(part('our primary metrics are accuracy and recall', 'recall')).toBe('our primary metrics are accuracy and recall');
    expect(part('accuracy and recall are our metrics', 'accuracy')).toBe('accuracy and recall are our metrics');
  });
});

describe('the same ranking for other metric flags: clicks on the row, overlap with a reference reply', () => {
  flagCases('clicks-as-success', [
    ['similar-listings', 'Evaluation', 'CTR is the primary metric and bookings are secondary.'],
    ['similar-listings', 'Evaluation', 'The main metric is click-through rate, with bookings tracked as well.'],
  ], [
    ['similar-listings', 'Evaluation', 'Bookings from the row are the primary metric; CTR is tracked too.'],
    ['similar-listings', 'Evaluation', 'We log CTR, but the launch decides on booking rate.'],
    // Co-primary: a noun listed with the trigger, its verb a relative clause's, shares its part.
    ['similar-listings', 'Evaluation', 'The main metrics would be the click-through rate on the row and the number of bookings that come from it.'],
  ]);
  flagCases('rouge-quality-gate', [
    ['rag-support-assistant', 'Evaluation', 'ROUGE is the main gate and groundedness is a secondary check.'],
    ['rag-support-assistant', 'Evaluation', 'The primary metric is BLEU against agent replies, with human ratings alongside.'],
  ], [
    ['rag-support-assistant', 'Evaluation', 'Groundedness judged by humans is the main gate; ROUGE is also logged.'],
    ['rag-support-assistant', 'Evaluation', 'We compute ROUGE against past replies, but resolution rate decides the launch.'],
  ]);
});
