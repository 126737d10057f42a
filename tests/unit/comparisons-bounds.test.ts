import { Rating } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { rubricsFor } from '../../src/content/catalog.js';
import { gradeFor } from '../../src/progress/drill.js';
import { compileRubrics } from '../../src/scoring/compile.js';
import { scoreAnswers } from '../../src/scoring/score.js';
import { builtinCatalog } from '../helpers/builtin.js';
import { flagCases, itemCases } from '../helpers/stage-cases.js';

// Comparisons, bounds and dismissals the scorer misread (tryout 7, faults 2, 3, 4c2, 4e, 5 and 7),
// fixed per kind, each tested with sentences of our own on more than one prompt, with sentences that
// must still fire or still read as ruled out.
describe('a comparison rejects the option it prefers another to, and affirms the preferred one', () => {
  flagCases(
    'accuracy-only-metric',
    [
      ['fraud-detection', 'Evaluation', 'We use accuracy as the main offline metric.'],
      // The preferred side is asserted, whatever the comparison's words.
      ['fraud-detection', 'Evaluation', 'We prefer accuracy over recall because stakeholders understand it.'],
      ['harmful-content-detection', 'Evaluation', 'Accuracy beats precision and recall for reporting to the policy team.'],
      ['fraud-detection', 'Evaluation', 'Accuracy is preferred to PR-AUC because the team knows it.'],
    ],
    [
      ['fraud-detection', 'Evaluation', 'We pick recall at a fixed precision over plain accuracy, since one payment in a thousand is fraud.'],
      ['harmful-content-detection', 'Evaluation', 'Unlike accuracy, per-class precision and recall still move when one post in 500 is harmful.'],
      ['fraud-detection', 'Evaluation', 'Precision and recall, unlike raw accuracy, say something when positives are rare.'],
      ['harmful-content-detection', 'Evaluation', 'PR-AUC beats accuracy as the yardstick when positives are this rare.'],
      ['fraud-detection', 'Evaluation', 'PR-AUC is superior to accuracy when fraud is this rare.'],
      ['fraud-detection', 'Evaluation', 'Recall at a fixed review budget is preferred to accuracy here.'],
    ],
  );
  flagCases(
    'straight-line-distance',
    [
      ['eta-prediction', 'Data', 'We prefer haversine distance over road routing because it is cheap to compute.'],
      ['eta-prediction', 'Data', 'The main feature is the haversine distance from restaurant to customer.'],
    ],
    [
      ['eta-prediction', 'Data', 'Travel time from a road router outperforms haversine distance as an input.'],
      ['eta-prediction', 'Data', 'We favor the routed travel time over straight-line distance, which ignores rivers.'],
    ],
  );
  flagCases(
    'batch-scoring-for-ads',
    [['ad-click-prediction', 'Serving', 'We prefer batch prediction to live scoring to save compute.']],
    [
      ['ad-click-prediction', 'Serving', 'We choose live scoring over batch prediction, since budgets change within minutes.'],
      ['ad-click-prediction', 'Serving', 'Per-impression scoring is preferred to batch prediction because campaigns pause at any time.'],
    ],
  );
  // The preferred side earns its item even when it comes after the rejected one and a comma.
  itemCases('offline-metrics', 'covered', [
    ['fraud-detection', 'Evaluation', 'Instead of accuracy, PR-AUC.'],
    ['harmful-content-detection', 'Evaluation', 'Unlike accuracy, PR-AUC is meaningful when violations are rare.'],
  ]);
  // A span of time or data after "over" is no rejected option; a verb after "to" is a purpose.
  flagCases(
    'random-split-temporal-data',
    [['fraud-detection', 'Data', 'We choose a random split over the last six months of payments.']],
    [],
  );
  itemCases('latency-constraint', 'covered', [['news-feed', 'Clarify', 'We prefer small models to keep latency under 200 ms.']]);
  // The rejected option's role stays with the option chosen for it.
  itemCases('labels', 'covered', [
    ['video-recommendation', 'Data', 'Rather than clicks as positives, we count views longer than half the video.'],
    ['news-feed', 'Data', 'Instead of likes as positive labels, we take comments and shares.'],
  ]);
});

describe('an upper or lower bound is a requirement, not a negation', () => {
  itemCases('latency-constraint', 'covered', [
    ['news-feed', 'Clarify', 'The feed must render in no more than 200 ms.'],
    ['fraud-detection', 'Clarify', 'The authorization check may not take longer than 100 milliseconds.'],
    ['rag-support-assistant', 'Clarify', 'The first token should never exceed 800 ms.'],
    ['search-ranking', 'Clarify', 'Ranking latency must not be above 150 ms.'],
    ['ad-click-prediction', 'Clarify', 'Scoring runs without exceeding 10 ms per ad.'],
  ]);
  itemCases('scale', 'covered', [
    ['video-recommendation', 'Clarify', 'We serve no fewer than 200 million users a day.'],
    ['news-feed', 'Clarify', 'There are not less than 2 billion users.'],
  ]);
  // A negation with no bound still rules the item out.
  itemCases('latency-constraint', 'negated', [
    ['news-feed', 'Clarify', 'There is no latency budget to speak of.'],
    ['fraud-detection', 'Clarify', 'We have no p99 target.'],
  ]);
});

describe('a dismissal after the match dismisses it, whatever negation opens the sentence', () => {
  itemCases('catastrophic-forgetting', 'negated', [
    ['fraud-detection', 'Monitoring', 'Nothing breaks here, forgetting older patterns is not a worry.'],
    ['news-feed', 'Monitoring', 'No drama, forgetting older patterns is not something we need to handle.'],
  ]);
  itemCases('data-leakage', 'negated', [['fraud-detection', 'Data', 'Nothing to add here, leakage is not a concern with this data.']]);
  itemCases('drift', 'negated', [['news-feed', 'Monitoring', 'No surprises expected, drift is not something we need to worry about.']]);
  // No dismissal after it: the risk is still named and handled.
  itemCases('drift', 'covered', [['news-feed', 'Monitoring', 'No surprises expected, drift is watched every day on the top features.']]);
  itemCases('catastrophic-forgetting', 'covered', [
    ['fraud-detection', 'Monitoring', 'Nothing is retrained from scratch, and forgetting older patterns is handled by replaying last year’s fraud.'],
  ]);

  it('a drill card answered with such a dismissal is not graded as learned', () => {
    const prompt = builtinCatalog.prompts.get('fraud-detection')!.value;
    const rubric = rubricsFor(builtinCatalog, prompt).find((r) => r.items.some((i) => i.id === 'catastrophic-forgetting'))!;
    const item = rubric.items.find((i) => i.id === 'catastrophic-forgetting')!;
    // As `mlsd drill` scores a card: the card's item alone, the answer as text under no heading.
    const scope = compileRubrics([{ ...rubric, items: [item], redFlags: [] }]);
    const answer = 'Nothing can break, forgetting older patterns is not a worry for us.';
    const result = scoreAnswers({ prompt, scope, answers: { sections: {}, general: answer }, level: 'staff' }).stages.flatMap((s) => s.items)[0]!;
    expect(result.status).not.toBe('covered');
    expect(gradeFor(result)).toBe(Rating.Again);
  });
});

describe('a counter-metric in the same clause clears the engagement-only flags', () => {
  flagCases(
    'engagement-without-guardrails',
    [
      ['video-recommendation', 'Framing', 'We maximize watch time.'],
      ['news-feed', 'Framing', 'The goal is to maximize engagement across the feed.'],
    ],
    [
      ['video-recommendation', 'Framing', 'We maximize watch time, minus a penalty for videos people dislike.'],
      ['news-feed', 'Framing', 'Maximize engagement with a negative weight on hides and reports.'],
      ['video-recommendation', 'Framing', 'We maximize watch time but subtract the predicted chance of a not interested tap.'],
    ],
  );
  flagCases(
    'clicks-only-objective',
    [['news-feed', 'Framing', 'We rank by click probability.']],
    [['news-feed', 'Framing', 'We rank by click probability with a negative weight on hide and report.']],
  );
  flagCases(
    'opens-only-objective',
    [['notification-ranking', 'Framing', 'We send whatever is most likely to open.']],
    [['notification-ranking', 'Framing', 'We send whatever is most likely to open, with uninstalls counted against it.']],
  );
});
