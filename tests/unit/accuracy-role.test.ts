import { describe } from 'vitest';
import { flagCases } from '../helpers/stage-cases.js';

// Tryout 11, 1: "accuracy is our primary metric" on 0.1% fraud raised no flag: the words that clear the flag
// for accuracy in its everyday sense ("trading accuracy against latency", "better accuracy but slower") and
// "primary" (meant for "PR AUC primary") cleared it where accuracy is stated as the metric itself. In a clause
// that names accuracy's role as the metric (roleNear: metric, measure, evaluate, choose the model, test set,
// report ...), the everyday-sense words clear nothing; the critiques (not, misleading, sanity check,
// secondary, PR AUC ...) still do.
describe('accuracy stated as the metric is accuracy-only evaluation, whatever comparison word is near', () => {
  flagCases('accuracy-only-metric', [
    ['fraud-detection', 'Evaluation', 'Accuracy is our primary metric.'],
    ['fraud-detection', 'Evaluation', 'We choose the model with better accuracy.'],
    ['fraud-detection', 'Evaluation', 'We measure accuracy against the holdout set.'],
    ['fraud-detection', 'Evaluation', 'Our main metric is accuracy, and a new model must improve it before launch.'],
    ['harmful-content-detection', 'Evaluation', 'The number we report is accuracy versus the previous model on the test set.'],
  ], [
    ['fraud-detection', 'Model', 'Gradient boosted trees give better accuracy than logistic regression at a higher serving cost.'],
    ['fraud-detection', 'Model', 'A larger model would improve accuracy but hurt latency, so we keep the smaller one.'],
    ['harmful-content-detection', 'Serving', 'We trade a little accuracy for speed by distilling the classifier.'],
    ['fraud-detection', 'Evaluation', 'Our metric is PR AUC, not accuracy, because fraud is rare.'],
    ['fraud-detection', 'Evaluation', 'Accuracy is misleading here, so the metric we report is recall at a fixed precision.'],
  ]);
});
