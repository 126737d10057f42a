import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/reading/tokens.js';
import { itemCases, report, statusOf, type Case } from '../helpers/stage-cases.js';

// Kinds of wording in which candidates cover an item in notes, tables or their own words, and which the
// scorer used to miss (recall on the calibration corpus's half A). Each kind is checked on sentences of our
// own, across prompts and styles, with near misses that must still earn nothing.

/** Item `item` is covered after each sentence of `fires` and not covered after each of `quiet`. */
function kind(item: string, fires: Case[], quiet: Case[]): void {
  itemCases(item, 'covered', fires);
  it.each(quiet)(`${item} is not covered on %s: %s / %s`, (prompt, stage, text) => {
    expect(statusOf(prompt, stage, text, item)).not.toBe('covered');
  });
}

/** The words of a text as the matcher reads them. */
const words = (text: string): string[] => tokenize(text).map((t) => t.raw);

describe('a short parenthesis goes on about the words before it', () => {
  kind(
    'serving-latency',
    [
      ['similar-listings', 'Serving', '- neighbour lookup (~8 ms)'],
      ['news-feed', 'Serving', 'Feature fetch (about 15 ms), then the ranker.'],
      ['fraud-detection', 'Serving', '| GBDT scoring (3 ms p99) | in the payment path |'],
      ['video-search', 'Serving', 'Query encoder (20ms on GPU), then the ANN index.'],
    ],
    [['news-feed', 'Serving', 'The ranker reorders candidates (the retrieval step itself was described earlier, it takes 30 ms or so).']],
  );
  // A long parenthesis is an aside with its own clause: its words do not complete a concept outside it.
  kind('data-sources', [], [['harmful-content-detection', 'Model', 'One shared trunk, because related harms share signal (hate and harassment often come together).']]);
});

describe('test cases never seen in training guard against leakage', () => {
  kind(
    'data-leakage',
    [
      ['visual-search', 'Data', 'Test queries are images unseen in training.'],
      ['people-you-may-know', 'Evaluation', 'Evaluate on members unseen during training.'],
      ['fraud-detection', 'Data', '- test set: merchants unseen by the model'],
      ['similar-listings', 'Evaluation', 'Hold out a set of listings unseen in training.'],
    ],
    [
      ['news-feed', 'Data', 'Most posts in a feed stay unseen by the user.'],
      // A split by time alone is the split (data-splitting), not a treatment of leakage.
      ['video-recommendation', 'Data', 'Split by date: train on the first 25 days, test on the last 5.'],
    ],
  );
});

describe('units of time and counts of active users in notes', () => {
  it.each([
    ['label = open within 1hr', 'hour'],
    ['retrain every 6 hrs', 'hours'],
    ['train wks 1-4, test wk 5', 'weeks'],
    ['cache TTL of 10 mins', 'minutes'],
    ['a watch counts after 30 secs', 'seconds'],
    ['history of the last 2 yrs', 'years'],
  ])('"%s" reads %s', (text, unit) => {
    expect(words(text)).toContain(unit);
  });

  it('a count of active users is one term, short or long', () => {
    expect(words('300M daily active users')).toEqual(words('300M DAU'));
    expect(words('weekly actives')).toEqual(words('WAU'));
    expect(words('monthly active users')).not.toContain('monthly');
  });

  kind(
    'retraining',
    [['ad-click-prediction', 'Model', 'model trained every 6 hrs on the freshest logs']],
    [
      ['news-feed', 'Data', 'The model is trained on logs of 300M daily active users.'],
      ['notification-ranking', 'Data', 'Training examples come from 200M weekly active users.'],
    ],
  );
});

describe('the event predicted, named as the object of the verb', () => {
  kind(
    'ml-objective',
    [
      ['notification-ranking', 'Frame', '- predict open y/n per candidate push'],
      ['event-recommendation', 'Frame', 'We predict registrations for each user and event.'],
      ['fraud-detection', 'Frame', 'model: predict fraud on every payment'],
      ['video-recommendation', 'Frame', 'Predict watch time and likes for the viewer.'],
    ],
    [
      ['ad-click-prediction', 'Serving', 'Predicted scores are cached in the feature store.'],
      ['news-feed', 'Serving', 'The ranker runs on every feed request.'],
    ],
  );
});

describe("a retrieval model's objective: an embedding learned so that similar things are close", () => {
  kind(
    'ml-objective',
    [
      ['similar-listings', 'Frame', 'Learn a listing embedding so that listings booked by the same guests are close.'],
      ['visual-search', 'Frame', 'core ML piece = training a good image embedding'],
      ['video-search', 'Frame', 'Train the text and video encoders so that matching pairs land near each other.'],
      ['people-you-may-know', 'Frame', 'We learn member embeddings where people who connect end up close.'],
    ],
    [
      ['similar-listings', 'Serving', 'Embeddings are stored in a key-value store and refreshed nightly.'],
      ['video-recommendation', 'Model', 'ID embeddings are learned from scratch.'],
    ],
  );
});

describe('the entities a prediction is for: tuples and pairs joined by "+" or "and"', () => {
  kind(
    'inputs-outputs',
    [
      ['people-you-may-know', 'Frame', 'score each (viewer, candidate, context) triple'],
      ['news-feed', 'Frame', 'estimate engagement for user + post'],
      ['similar-listings', 'Frame', 'Score the candidate listings for the viewed listing and the user.'],
      ['notification-ranking', 'Frame', 'We predict an open for the user and notification at hand.'],
    ],
    [
      ['news-feed', 'Data', 'Features for users and posts come from the feature store.'],
      ['event-recommendation', 'Data', 'Events (concerts, talks, meetups) are published weeks ahead.'],
      ['event-recommendation', 'Data', 'Counts of reactions so far (bookmarks, shares, registrations) are refreshed hourly.'],
    ],
  );
});

describe('data named by what was logged', () => {
  kind(
    'data-sources',
    [
      ['visual-search', 'Data', 'logged searches with the query image, the results shown and the clicks'],
      ['news-feed', 'Data', '- logged impressions + reactions per post'],
      ['fraud-detection', 'Data', 'Logged payments with device and card details.'],
      ['eta-prediction', 'Data', 'logged trips: pickup, drop-off and GPS pings'],
    ],
    [
      ['news-feed', 'Serving', 'Logged-in users get the ranked feed; logged-out users see popular posts.'],
      ['ad-click-prediction', 'Evaluation', 'In shadow mode the model only logs its decisions.'],
    ],
  );
});

describe("a lead-in's topic before what will be said about it", () => {
  kind(
    'data-sources',
    [
      ['harmful-content-detection', 'Data', 'Sources and how far I trust them:\n- reviewer labels\n- user reports'],
      ['fraud-detection', 'Data', 'Sources and what each gives us:\n- chargeback labels from the card networks'],
      ['eta-prediction', 'Data', 'Sources, and what they hold:\n- training examples from completed orders'],
      ['video-search', 'Data', 'Sources and which to trust most:\n- relevance labels from annotators\n- watch history per query'],
    ],
    [['news-feed', 'Serving', 'Latency and how we keep it low:\n- cache the ranked feed per user']],
  );
});

describe('data that holds only what the system itself chose', () => {
  kind(
    'feedback-loop',
    [
      ['video-recommendation', 'Data', 'The logs only reflect what the old ranker chose to show.'],
      ['harmful-content-detection', 'Data', 'Reviewers only see posts the classifier already flagged, so the labels are biased.'],
      ['people-you-may-know', 'Monitoring', 'Accepts come only from suggestions we already showed.'],
      ['fraud-detection', 'Data', 'We only learn outcomes for payments the model approved.'],
    ],
    [
      ['news-feed', 'Serving', 'We only show posts from the last three days.'],
      ['video-search', 'Evaluation', 'Raters only see the top 10 results.'],
    ],
  );
});

describe('content turned into features by its encoder, and documents cut into chunks', () => {
  kind(
    'features',
    [
      ['harmful-content-detection', 'Model', 'For text, a multilingual transformer; for images, a ViT.'],
      ['video-search', 'Data', 'Video frames go through a pretrained image encoder, titles through BERT.'],
      ['rag-support-assistant', 'Data', 'Chunk the help articles into 400-token pieces with some overlap.'],
      ['rag-support-assistant', 'Data', 'Each chunk carries metadata: product, version, language.'],
    ],
    [
      ['rag-support-assistant', 'Serving', 'Stream the answer back in chunks.'],
      ['video-recommendation', 'Serving', 'The player loads the video in chunks over HTTP.'],
    ],
  );
});

describe('the imbalance said in words', () => {
  kind(
    'class-imbalance',
    [
      ['fraud-detection', 'Evaluation', 'PR AUC, because the classes are super unbalanced.'],
      ['harmful-content-detection', 'Data', 'labels: really imbalanced, most posts are fine'],
      ['event-recommendation', 'Evaluation', 'Registrations rare, so we report PR AUC per head.'],
      ['ad-click-prediction', 'Data', 'Very unbalanced: clicks are a small slice of impressions.'],
    ],
    [
      ['video-recommendation', 'Data', 'Rare videos get few impressions.'],
      ['fraud-detection', 'Data', 'Fraud patterns change quickly.'],
    ],
  );
});

describe('a model trained on a schedule, without the word "retrain"', () => {
  kind(
    'retraining',
    [
      ['similar-listings', 'Serving', 'Nightly job: train the listing embeddings and rebuild the index.'],
      ['ad-click-prediction', 'Model', 'The ranker is trained daily on the last 14 days.'],
      ['news-feed', 'Monitoring', 'weekly training run, warm-started from last week'],
      ['eta-prediction', 'Model', 'refit every week on fresh trips'],
    ],
    [
      ['ad-click-prediction', 'Data', 'Split by time: train on days 1-20.'],
      ['video-recommendation', 'Model', 'Training the two-tower model takes about a day on 8 GPUs.'],
    ],
  );
});

describe('results looked at per segment, with the object in between', () => {
  kind(
    'segment-evaluation',
    [
      ['event-recommendation', 'Evaluation', 'Slice the offline numbers by city and by device.'],
      ['harmful-content-detection', 'Evaluation', 'Break recall down by language and harm class.'],
      ['video-search', 'Evaluation', 'Measure head and tail queries separately.'],
      ['eta-prediction', 'Evaluation', 'errors are broken down by city and hour'],
    ],
    [
      ['video-recommendation', 'Data', 'Split the data by date.'],
      ['news-feed', 'Serving', 'Break the latency budget down into retrieval and ranking.'],
    ],
  );
});

describe('falling back when a call is too slow', () => {
  kind(
    'serving-latency',
    [
      ['event-recommendation', 'Serving', 'If ranking misses its deadline, serve the cached popular list.'],
      ['similar-listings', 'Serving', 'Fall back to popular listings nearby when the lookup times out.'],
      ['eta-prediction', 'Serving', 'default to the routing estimate on timeout'],
      ['news-feed', 'Serving', 'If the ranker is slow we fall back to a chronological feed.'],
    ],
    [
      ['fraud-detection', 'Model', 'Recall falls in the holiday season.'],
      ['eta-prediction', 'Monitoring', 'Alert when the share of late deliveries rises.'],
    ],
  );
});

describe('people judging outputs as the label', () => {
  kind(
    'labels',
    [
      ['visual-search', 'Data', 'Raters mark each returned image relevant or not.'],
      ['rag-support-assistant', 'Data', 'Agents grade every sampled answer as correct or wrong.'],
      ['search-ranking', 'Data', '- annotators judge relevance 0-3 per (query, product)'],
      ['street-view-blurring', 'Data', 'Reviewers mark each blur as correct or missed.'],
    ],
    [
      ['fraud-detection', 'Evaluation', 'We grade the model on recall at a 1% false positive rate.'],
      ['news-feed', 'Monitoring', 'Reviewers look at a sample of posts every week.'],
    ],
  );
});

describe('generated outputs scored offline by their graded quality', () => {
  kind(
    'offline-metrics',
    [
      ['rag-support-assistant', 'Evaluation', 'Offline we count the answers graded correct and grounded.'],
      ['rag-support-assistant', 'Evaluation', 'An LLM judge checks the faithfulness of each answer.'],
      ['rag-support-assistant', 'Evaluation', '- judge answers for hallucinations on the golden set'],
      ['rag-support-assistant', 'Evaluation', '| Metric | How |\n|---|---|\n| Groundedness | responses scored by two graders |'],
    ],
    [
      ['rag-support-assistant', 'Serving', 'Answers are streamed token by token.'],
      ['rag-support-assistant', 'Model', 'The prompt tells the model to answer only from the sources.'],
    ],
  );
});

describe('a minor mistake is a weaker choice within an item still done: its clause still earns the item', () => {
  const cases: Array<[flag: string, item: string, prompt: string, stage: string, text: string]> = [
    ['opens-as-incrementality', 'ab-test', 'notification-ranking', 'Evaluation', 'Online A/B test on open rate and sessions per user.'],
    ['symmetric-loss', 'loss-function', 'eta-prediction', 'Model', 'We train with mean squared error on the minutes.'],
    ['clicks-as-success', 'ab-test', 'similar-listings', 'Evaluation', 'A/B test with row CTR as the success metric.'],
    ['clicks-as-target', 'labels', 'event-recommendation', 'Data', 'The label is a click on the event card.'],
  ];
  it.each(cases)('%s still leaves %s covered on %s: %s / %s', (flag, item, prompt, stage, text) => {
    expect(report(prompt, stage, text).redFlags.map((f) => f.id)).toContain(flag);
    expect(statusOf(prompt, stage, text, item)).toBe('covered');
  });
  it('a major mistake still earns nothing in its clause', () => {
    const text = 'Our main metric is accuracy on the test set.';
    expect(report('fraud-detection', 'Evaluation', text).redFlags.map((f) => f.id)).toContain('accuracy-only-metric');
    expect(statusOf('fraud-detection', 'Evaluation', text, 'offline-metrics')).not.toBe('covered');
  });
});
