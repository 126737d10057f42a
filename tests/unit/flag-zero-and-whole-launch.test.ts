import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/scoring/analyze.js';
import { cancels, negationOf } from '../../src/scoring/negation.js';
import { compilePhrase, MatchIndex } from '../../src/scoring/phrase.js';
import { scoreBuiltin } from '../helpers/builtin.js';
import { flagCases, itemCases } from '../helpers/stage-cases.js';

// Shipping with no online test: "zero" A/B tests is none (a count of zero negates as "no" does), and a
// launch straight to all users, in an answer that names no test anywhere, is offline-only-launch.

/** 'affirmed' | 'negated' | 'absent' for the first match of the phrase in the text. */
function reading(phrase: string, text: string): string {
  const analysis = analyze(text);
  const found = new MatchIndex(analysis.tokens).find(compilePhrase(phrase));
  if (found.length === 0) return 'absent';
  const [start, end] = found[0]!;
  return cancels(negationOf(analysis.tokens, start, end), false) ? 'negated' : 'affirmed';
}

describe('a count of zero negates what it counts', () => {
  it.each([
    ['a/b test', 'We run zero A/B tests before a launch.'],
    ['a/b test', 'We run 0 A/B tests.'],
    ['online experiment', 'Zero online experiments are run before launch.'],
    ['a/b test', 'We run zero online A/B tests.'],
    ['human review', 'There is zero human review of removals.'],
  ])('"%s" in %j is negated', (phrase, text) => {
    expect(reading(phrase, text)).toBe('negated');
  });
  it.each([
    // A zero that is a value or a decimal, or a compound, counts nothing.
    ['clicks', 'Cold-start users are users with zero clicks.'],
    ['downtime', 'Latency drops to zero downtime during the swap.'],
    ['shot prompts', 'We use zero-shot prompts for new ads.'],
    ['precision threshold', 'Auto-remove above 0.98 precision threshold.'],
    ['label', 'Each impression gets a 0 or 1 label.'],
    ['calibrated', 'The output lies between 0 and 1 calibrated with isotonic regression.'],
  ])('"%s" in %j is not negated', (phrase, text) => {
    expect(reading(phrase, text)).not.toBe('negated');
  });
  itemCases('ab-test', 'negated', [
    ['ad-click-prediction', 'Evaluation', 'We run zero A/B tests; once offline AUC improves we roll it out to 100% of users.'],
    ['news-feed', 'Evaluation', 'Zero online experiments are run before a new ranker launches.'],
    ['video-recommendation', 'Evaluation', 'We run 0 A/B tests on the recommender.'],
    ['search-ranking', 'Evaluation', 'None of our launches get an A/B test.'],
  ]);
  itemCases('ab-test', 'covered', [
    ['ad-click-prediction', 'Evaluation', 'Cold-start ads are ads with zero clicks, and every change gets an A/B test.'],
    ['news-feed', 'Evaluation', 'We aim for zero downtime; an A/B test on 5% of users decides the launch.'],
  ]);
});

describe('zero A/B tests, or a launch straight to everyone, is a launch with no online test', () => {
  flagCases('offline-only-launch', [
    ['ad-click-prediction', 'Evaluation', 'We run zero A/B tests; once offline AUC improves we roll it out to 100% of users.'],
    ['news-feed', 'Evaluation', 'Zero online experiments are run before launch.'],
    ['ad-click-prediction', 'Serving', 'When training finishes, the new model is rolled out to all users right away.'],
    ['news-feed', 'Serving', 'Every new ranker goes live for everyone at once.'],
    ['video-recommendation', 'Serving', 'After training we ship the model to all users at once.'],
    ['search-ranking', 'Serving', 'The new ranker is launched to every user the same day it is trained.'],
    ['notification-ranking', 'Serving', 'We release it to the whole user base in one go.'],
    ['event-recommendation', 'Serving', 'We push the new model to all traffic in one go.'],
    ['fraud-detection', 'Serving', 'Each new model is deployed to production immediately after training.'],
  ], [
    // A test, canary, shadow run or ramp before the launch to everyone.
    ['ad-click-prediction', 'Evaluation', 'We A/B test on 5% of traffic for two weeks, and if it wins we roll it out to all users.'],
    ['news-feed', 'Serving', 'After the A/B test wins, the ranker goes live for everyone.'],
    ['fraud-detection', 'Serving', 'We start with a canary on 1% of traffic, then deploy to 100% of traffic.'],
    ['video-recommendation', 'Serving', 'We ship to 1% of users first and ramp up gradually to all users.'],
    ['search-ranking', 'Evaluation', 'An interleaving experiment runs first. Once it wins, we launch to every user.'],
    ['notification-ranking', 'Serving', 'It is shadow-tested for a week and then released to all users.'],
    // Whom the model serves is no launch.
    ['ad-click-prediction', 'Serving', 'The model serves all users with a p99 latency under 50 ms.'],
    ['ad-click-prediction', 'Serving', 'The model is deployed on a GPU fleet that serves every user.'],
    ['search-ranking', 'Serving', 'We deploy the ranker behind a load balancer for all users.'],
    ['fraud-detection', 'Serving', 'The model is deployed as a service that answers immediately.'],
  ]);
  it('a test named in another section clears a launch to everyone', () => {
    const answer = '## Evaluation\nWe A/B test new models on 5% of users for two weeks.\n## Serving\nThe winner is rolled out to all users at once.\n';
    expect(scoreBuiltin('video-recommendation', answer).redFlags.map((f) => f.id)).not.toContain('offline-only-launch');
  });
});
