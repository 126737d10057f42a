import { describe } from 'vitest';
import { flagCases, itemCases, type Case } from '../helpers/stage-cases.js';

// Tryout 11 (findings 5, 6, 10): sentences that follow mlsd's own advice raised major flags. Each kind is read
// by a rule or a wording family, with the mistake's own wordings as controls.

describe('offline-only-launch: a launch verb in a relative clause names the threshold or model, it launches nothing', () => {
  const fires: Case[] = [
    ['fraud-detection', 'Evaluation', 'If offline AUC beats the current model, we deploy it.'],
    ['fraud-detection', 'Evaluation', 'We compute precision at the threshold and we ship when it beats production.'],
    ['news-feed', 'Evaluation', 'When NDCG on the test week is higher we roll it out to everyone.'],
    ['ad-click-prediction', 'Evaluation', 'Once log loss on the holdout improves we launch the model.'],
  ];
  const quiet: Case[] = [
    ['fraud-detection', 'Evaluation', 'Report recall and precision at the threshold you would ship, or recall at a fixed decline rate, plus the share of fraud dollars caught, next to PR AUC.'],
    ['fraud-detection', 'Evaluation', 'We report PR AUC, and recall and precision at the threshold we would ship.'],
    ['fraud-detection', 'Evaluation', 'We report recall at the threshold we deploy.'],
    ['fraud-detection', 'Evaluation', 'We measure PR AUC offline, and recall at the operating point we launch with.'],
    ['ad-click-prediction', 'Evaluation', 'Offline we check log loss and calibration for the model that we plan to deploy.'],
    ['news-feed', 'Evaluation', 'Offline NDCG is computed on the test week for the version we would roll out.'],
  ];
  flagCases('offline-only-launch', fires, quiet);
  itemCases('operating-point-metrics', 'covered', [['fraud-detection', 'Evaluation', 'We measure PR AUC offline, and recall at the operating point we launch with.']]);
});

describe('random-split-temporal-data: a random holdout of live decisions is no train/test split', () => {
  const fires: Case[] = [
    ['fraud-detection', 'Data', 'A random split into train and test sets.'],
    ['fraud-detection', 'Data', 'We hold out a random 10% of transactions as the test set to measure recall.'],
    ['fraud-detection', 'Data', "Let's shuffle all transactions and split 80/10/10."],
    ['fraud-detection', 'Data', 'We randomly split the approved payments into train and test.'],
  ];
  const quiet: Case[] = [
    ['fraud-detection', 'Monitoring', 'We keep the random approval holdout running to measure true recall.'],
    ['fraud-detection', 'Monitoring', 'We let a small random slice of medium-risk payments through as a holdout to measure true recall.'],
    ['fraud-detection', 'Monitoring', 'We randomly sample a 1% holdout of payments that we approve regardless of score.'],
    ['fraud-detection', 'Data', 'We pass 1% of blocked payments through at random as a holdout to get their labels.'],
    ['fraud-detection', 'Evaluation', 'We evaluate on a holdout of randomly chosen cards from the last month.'],
  ];
  flagCases('random-split-temporal-data', fires, quiet);
  itemCases('declined-payment-bias', 'covered', [['fraud-detection', 'Monitoring', 'We keep the random approval holdout running to measure true recall.']]);
});

describe('revenue-over-relevance: "time" in a metric next to revenue is no product with revenue', () => {
  const fires: Case[] = [
    ['search-ranking', 'Model', 'We rank by purchase probability times the price.'],
    ['search-ranking', 'Model', 'The final score is relevance times margin.'],
    ['search-ranking', 'Model', 'Results are ordered by the margin each product earns.'],
    ['search-ranking', 'Model', 'We boost products with higher prices.'],
  ];
  const quiet: Case[] = [
    ['search-ranking', 'Evaluation', 'Online we track revenue per session and time spent searching.'],
    ['search-ranking', 'Evaluation', 'Online metrics: revenue per user, time to first purchase.'],
    ['search-ranking', 'Evaluation', 'Online we track conversion rate, revenue per search and the time to purchase.'],
    ['search-ranking', 'Evaluation', 'Name one or two metrics measured on live traffic, such as conversion or revenue per user, watch time, or the share of views that hit harmful content.'],
  ];
  flagCases('revenue-over-relevance', fires, quiet);
});

describe('a baseline is simple on purpose: text or metadata alone in a baseline is no text-only design', () => {
  flagCases(
    'text-only',
    [
      ['harmful-content-detection', 'Model', 'The classifier reads the caption and comments only.'],
      ['harmful-content-detection', 'Model', 'We train a text only classifier on the post body.'],
    ],
    [
      ['harmful-content-detection', 'Model', 'Baseline of a keyword and hash list plus a text-only logistic regression on n-grams.'],
      ['harmful-content-detection', 'Model', 'As a baseline, a logistic regression on the text alone.'],
      ['harmful-content-detection', 'Model', 'The bar to beat is a BERT classifier over the caption only.'],
    ],
  );
  flagCases(
    'text-only-search',
    [
      ['video-search', 'Model', 'Search uses the video metadata alone.'],
      ['video-search', 'Model', 'We match the query against titles and tags only.'],
    ],
    [
      ['video-search', 'Model', 'Baseline of BM25 on titles and tags alone.'],
      ['video-search', 'Model', 'Our first baseline matches the query against titles and tags only.'],
    ],
  );
});

describe('remedies and methods read as the mistake they name', () => {
  flagCases(
    'random-edge-split',
    [['people-you-may-know', 'Data', 'We hold out a random 10% of the edges for testing.']],
    [
      ['people-you-may-know', 'Model', 'Baseline that ranks friends of friends by number of mutual connections, or a personalized random walk from the member.'],
      ['people-you-may-know', 'Model', 'Candidates come from random walks over the connections graph.'],
    ],
  );
  flagCases(
    'location-blind',
    [['event-recommendation', 'Model', 'We show everyone the most popular events on the platform.']],
    [
      ['event-recommendation', 'Monitoring', 'Guard against popular events and big hosts taking all the exposure.'],
      ['event-recommendation', 'Monitoring', 'We keep the most popular events on the platform from dominating every feed.'],
    ],
  );
  flagCases(
    'opens-only-objective',
    [['notification-ranking', 'Model', 'We rank notifications by predicted open rate.']],
    [
      ['notification-ranking', 'Model', 'Send-time optimization predicts the open probability per delivery slot and schedules each non-urgent notification for the best one.'],
      ['notification-ranking', 'Model', 'For the chosen notification we predict the open probability per hour and pick the best time to send it.'],
    ],
  );
  flagCases(
    'no-volume-control',
    [['notification-ranking', 'Frame', 'Every event a producer fires becomes a push.']],
    [['notification-ranking', 'Frame', 'For each candidate decide whether to send, on which channel and at what time; the model scores, a policy decides.']],
  );
  flagCases(
    'engagement-without-guardrails',
    [['news-feed', 'Model', 'We optimize for as much engagement as possible.']],
    [
      ['news-feed', 'Model', 'In re-ranking, limit consecutive posts from one author and boost recent posts, trading a little predicted engagement for variety.'],
      ['news-feed', 'Model', 'We accept slightly lower engagement in exchange for diversity, boosting engagement only within each topic.'],
    ],
  );
  flagCases(
    'reports-as-test-labels',
    [['harmful-content-detection', 'Evaluation', 'We measure precision against user reports.']],
    [
      ['harmful-content-detection', 'Evaluation', 'We report precision and recall broken down by language and country.'],
      ['harmful-content-detection', 'Evaluation', 'Report the key metrics per segment and look for regressions in each one.'],
    ],
  );
  flagCases(
    'pixel-similarity',
    [['visual-search', 'Model', 'Two images are similar when their pixel values are close.']],
    [
      ['visual-search', 'Data', 'Every image is resized to a fixed size and its pixel values are normalized.'],
      ['visual-search', 'Data', 'We preprocess pixel values the same way at training and serving time.'],
    ],
  );
});
