import { describe, expect, it } from 'vitest';
import { readDepth } from '../../src/scoring/depth.js';
import { itemCases, report, type Case } from '../helpers/stage-cases.js';

// Tryout 12 (6): items credited that were never said. Each kind with sentences of our own on both
// sides, across prompts: what must not earn the item, and what still must.

// 1. "Random" describing another thing (a split, a forest, negatives, a seed) is no random share of
//    traffic kept for exploration, although "traffic" stands in the same clause.
describe('a concept needs its words in one sense: "random" of a split is no exploration', () => {
  itemCases('feedback-loop', 'missed', [
    ['eta-prediction', 'Evaluation', 'A random split would leak next week\u2019s traffic into training.'],
    ['video-recommendation', 'Model', 'We start with a random forest on the traffic counts.'],
    ['event-recommendation', 'Model', 'Random negatives come from the whole traffic log.'],
    ['news-feed', 'Data', 'A random seed is fixed and traffic logs are replayed.'],
    ['similar-listings', 'Model', 'We tune with random search on a sample of last week\u2019s traffic.'],
    ['harmful-content-detection', 'Evaluation', 'A random split of posts would put the same traffic spike on both sides.'],
    ['ad-click-prediction', 'Evaluation', 'A random 80/20 split of the traffic log would mix the days.'],
  ]);
  itemCases('feedback-loop', 'covered', [
    ['video-recommendation', 'Monitoring', 'Keep 2% of traffic on random ranking so we get unbiased data.'],
    ['news-feed', 'Monitoring', 'A randomized slice of 1% of traffic sees shuffled posts.'],
    ['search-ranking', 'Monitoring', 'Exploration traffic of 5% gets random candidates.'],
    ['event-recommendation', 'Monitoring', 'A random 3% slice of traffic is shown events the model did not pick.'],
  ]);
});

// 2. A count's name used as a metric ("the primary metric is DAU") is no statement of scale; with a
//    number it is.
describe('a metric named is no scale: DAU, MAU and QPS need a number', () => {
  itemCases('scale', 'missed', [
    ['notification-ranking', 'Evaluation', 'The A/B test\u2019s main metric is DAU over four weeks.'],
    ['news-feed', 'Evaluation', 'We judge the launch on MAU and time spent.'],
    ['video-recommendation', 'Evaluation', 'Watch time per DAU is the number we optimize.'],
    ['ad-click-prediction', 'Monitoring', 'Serving dashboards show QPS and error rates.'],
    ['eta-prediction', 'Evaluation', 'The online metric is orders a day per courier.'],
    ['ad-click-prediction', 'Monitoring', 'We chart impressions per day on the dashboard.'],
  ]);
  itemCases('scale', 'covered', [
    ['news-feed', 'Clarify', 'About 300M DAU and 100k feed requests per second at peak.'],
    ['notification-ranking', 'Clarify', 'DAU is roughly 50 million.'],
    ['search-ranking', 'Clarify', 'Peak QPS around 20k during sales.'],
    ['event-recommendation', 'Clarify', 'We have 8 million MAU.'],
    ['eta-prediction', 'Clarify', 'Roughly 400k orders a day.'],
    // A count in words, as figures count.
    ['eta-prediction', 'Clarify', 'We handle a few million orders a day.'],
    ['fraud-detection', 'Clarify', 'Tens of millions of card payments go through every day.'],
    ['people-you-may-know', 'Clarify', 'Several billion member pairs are candidates in principle.'],
  ]);
});

// 3. A rate said with its present value describes the data (how rare the positives are), not a metric
//    chosen to judge the launch; named in a measuring role, or as a change, it is one.
describe('a rate with its present value is data, not an online metric', () => {
  itemCases('online-metrics', 'missed', [
    ['ad-click-prediction', 'Data', 'The click rate is about 1%, so clicks are rare.'],
    ['news-feed', 'Data', 'CTR of 0.5% means most impressions are negatives.'],
    ['event-recommendation', 'Data', 'With a 3% conversion rate, positives are scarce.'],
    ['video-recommendation', 'Data', 'The click-through rate sits around 2 percent on the homepage.'],
  ]);
  itemCases('online-metrics', 'covered', [
    ['ad-click-prediction', 'Evaluation', 'Online we measure CTR and revenue per thousand impressions.'],
    ['news-feed', 'Evaluation', 'We expect a 2% CTR lift in the A/B test.'],
    ['event-recommendation', 'Evaluation', 'The experiment tracks conversion rate, about 3% today.'],
    ['video-recommendation', 'Evaluation', 'We want to raise CTR from 2% to 2.2% without hurting watch time.'],
  ]);
});

// 4. A question about how fresh the suggestions must be is about data and model updates, not serving
//    latency; a question about load time is.
describe('a freshness question is no latency question', () => {
  itemCases('latency-constraint', 'missed', [
    ['people-you-may-know', 'Clarify', 'How fresh do the suggested people have to be?'],
    ['people-you-may-know', 'Clarify', 'Roughly how fresh must the list of suggestions stay?'],
    ['people-you-may-know', 'Clarify', 'How stale may the suggested people be?'],
    ['people-you-may-know', 'Clarify', 'How often do the suggestions need recomputing?'],
    ['people-you-may-know', 'Clarify', 'Must suggestions be up to date with connections made today?'],
    ['video-recommendation', 'Clarify', 'How fresh should the homepage list be?'],
    ['news-feed', 'Clarify', 'How up to date must the feed be?'],
  ]);
  itemCases('latency-constraint', 'covered', [
    ['people-you-may-know', 'Clarify', 'What is the latency budget for the page?'],
    ['people-you-may-know', 'Clarify', 'How fast must the list load?'],
    ['news-feed', 'Clarify', 'What response time must the feed meet?'],
    ['similar-listings', 'Clarify', 'Is there a latency requirement?'],
  ]);
});

// 5. An arrow between steps of a sequence orders them; between a fact and a choice it gives a reason.
describe('an arrow of a sequence is no reason', () => {
  it.each([
    'Rollout: shadow -> canary -> 100%.',
    'retrieval -> ranking -> re-ranking in the request path',
    'funnel: impression -> click -> purchase',
    'We go offline eval -> A/B test -> full launch.',
    'ramp 1% -> 10% -> 50% of users',
  ])('"%s" carries no reason', (claim) => {
    expect(readDepth(claim, true).cues).not.toContain('reason');
  });
  it.each([
    'heavy class imbalance -> PR-AUC',
    'tabular features -> GBDT',
    'labels arrive weeks late -> train only on matured months',
    'tight p99 budget -> precompute embeddings offline',
  ])('"%s" carries a reason', (claim) => {
    expect(readDepth(claim, true).cues).toContain('reason');
  });
  const depthOf = ([prompt, stage, text]: Case, item: string) =>
    report(prompt, stage, text)
      .stages.flatMap((s) => s.items)
      .find((i) => i.id === item)?.depthLevel;
  it('a rollout written as a sequence is chosen, not justified', () => {
    expect(depthOf(['fraud-detection', 'Serving', 'Serving: rules fallback on timeout. shadow -> canary -> all traffic.'], 'safe-rollout')).toBe('chosen');
  });
  it('a rollout with a reason after its arrow is justified', () => {
    expect(depthOf(['fraud-detection', 'Serving', 'new model goes to canary first -> a bad model only hurts 1% of payments'], 'safe-rollout')).toBe('justified');
  });
});
