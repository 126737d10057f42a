import { describe, expect, it } from 'vitest';
import { flagCases, itemCases, statusOf } from '../helpers/stage-cases.js';

// Tryout 11: real mistakes said in plain words that passed silently. Each kind is read in several
// natural wordings, with the correct twin that must stay quiet.

describe('a feature known only after the moment of prediction is label leakage (@known-after-prediction)', () => {
  flagCases('future-information-feature', [
    ['fraud-detection', 'Data', 'Features: whether the card was later reported stolen, and the number of chargebacks on the card in the following month.'],
    ['fraud-detection', 'Data', 'We add a feature for whether the customer eventually disputed the payment.'],
    ['fraud-detection', 'Data', 'Inputs include the chargeback count on the card over the next 30 days.'],
    ['fraud-detection', 'Data', 'Features: merchant category, amount, and whether the payment was later refunded.'],
    ['video-recommendation', 'Data', "Features: the video's total watch count including views after the impression, and whether the user ended up liking it."],
    ['video-recommendation', 'Data', "Features: the video's final view count and like count at the end of the day."],
    ['video-recommendation', 'Data', 'As a feature we use the number of likes the video gets in the following week.'],
    ['ad-click-prediction', 'Data', "Features: whether the user later converted on the advertiser's site."],
    ['news-feed', 'Data', "Signals: the post's final like count and whether the viewer ended up commenting."],
    ['notification-ranking', 'Data', 'Features: whether the user opened the app in the next hour.'],
    ['harmful-content-detection', 'Data', 'Features: the number of user reports the post receives after posting, and the final moderator verdict.'],
    ['eta-prediction', 'Data', "Features: the courier's actual pickup time and the real drive duration of this order."],
    ['eta-prediction', 'Data', 'Features: the real drive duration of this order.'],
    ['eta-prediction', 'Data', "Features: the order's final delivery status."],
    // Notes and list items.
    ['fraud-detection', 'Data', '- card features: age of card, number of chargebacks in the following month, amount'],
    ['fraud-detection', 'Data', 'feats: merchant cat, amt, was card later reported stolen (y/n)'],
    ['video-recommendation', 'Data', "Ranking feats -> video's final like count, user ended up liking (0/1), watch time of this impression"],
  ], [
    // A label, a test period, a monitor, a history of past cases, or the practice avoided.
    ['fraud-detection', 'Data', 'Label: whether the card was reported stolen or charged back in the following 90 days.'],
    ['fraud-detection', 'Data', 'Features: number of chargebacks on the card in the previous month.'],
    ['fraud-detection', 'Data', "Features: chargebacks on the card so far, and the card's history of disputes."],
    ['fraud-detection', 'Data', 'Features are computed only from what is known at authorization, never from later chargebacks.'],
    ['fraud-detection', 'Evaluation', 'We train on January and test on the following week.'],
    ['fraud-detection', 'Data', 'Features: next, we count the number of payments per card per day.'],
    ['fraud-detection', 'Data', 'Later we could add device features, like whether the phone is rooted.'],
    ['video-recommendation', 'Data', "Features: the video's view count up to the request time and the user's past likes."],
    ['video-recommendation', 'Data', 'Features: real-time view counts of the last hour.'],
    ['video-recommendation', 'Data', 'Positive label: the user ended up watching more than half of the video.'],
    ['video-recommendation', 'Data', 'Avoid features computed after the impression, such as the final view count.'],
    ['video-recommendation', 'Model', 'Later we make the ranker multi-task so it predicts watch time and likes too.'],
    ['eta-prediction', 'Data', "Features: the restaurant's average actual prep time over the last 30 days."],
    ['eta-prediction', 'Data', 'Label: the actual delivery time of the order.'],
    ['eta-prediction', 'Data', 'Features: real-time traffic and current courier locations.'],
    ['eta-prediction', 'Data', "Features: real-time drive speeds on the order's route and the delivery zone."],
    ['ad-click-prediction', 'Data', "Features: the ad's CTR over the past 7 days and the user's clicks before the impression."],
    ['news-feed', 'Monitoring', 'We monitor the final like counts of posts the next day.'],
    ['people-you-may-know', 'Conclusion', 'Later we could add more features, like what groups people are in.'],
    ['harmful-content-detection', 'Data', "Engagement counts and reports accumulate after posting; if training uses counts collected a day later, the model learns from signals it won't have at decision time."],
  ]);
});

describe('fraud scored after the payment is approved, or in a periodic job, is batch scoring', () => {
  flagCases('batch-fraud-scoring', [
    ['fraud-detection', 'Serving', 'We approve the payment first and run the model asynchronously afterwards.'],
    ['fraud-detection', 'Serving', "A 2am job scores all of yesterday's payments."],
    ['fraud-detection', 'Serving', "The fraud model runs once a day over the previous day's transactions."],
    ['fraud-detection', 'Serving', 'Payments go through immediately and the model flags fraud a few hours later.'],
    ['fraud-detection', 'Serving', 'Transactions are accepted instantly and checked by the model later.'],
    ['fraud-detection', 'Serving', "Every morning the model scores the last day's transactions and sends suspicious ones to analysts."],
    ['fraud-detection', 'Serving', 'To keep checkout fast, we authorize first and score asynchronously.'],
    ['fraud-detection', 'Serving', "Serving: batch job at 2am scores yesterday's txns, flags go to ops."],
    ['fraud-detection', 'Serving', 'Payments are approved right away; a scoring job runs every hour and flags the fraudulent ones for refund.'],
  ], [
    ['fraud-detection', 'Serving', 'The model scores each payment synchronously before authorization, within 100 ms.'],
    ['fraud-detection', 'Serving', "We retrain the model once a day on the previous day's transactions."],
    ['fraud-detection', 'Serving', 'Each payment is scored online in the checkout path; chargebacks arrive weeks later.'],
    ['fraud-detection', 'Serving', 'Low-risk payments are approved immediately after the model scores them, in under 50 ms.'],
    ['fraud-detection', 'Serving', 'Card features are refreshed every hour by a batch job; the model itself scores each payment online.'],
  ]);
  it('a sentence that scores after approval earns no serving item', () => {
    expect(statusOf('fraud-detection', 'Serving', 'We approve the payment first and run the model asynchronously afterwards.', 'online-vs-batch')).not.toBe('covered');
  });
});

describe('reference overlap named as how answers are measured is a ROUGE/BLEU quality gate', () => {
  flagCases('rouge-quality-gate', [
    ['rag-support-assistant', 'Evaluation', "We measure the assistant by BLEU against the human agent's reply."],
    ['rag-support-assistant', 'Evaluation', 'Answers are scored with ROUGE-L against past agent replies.'],
    ['rag-support-assistant', 'Evaluation', 'Offline we compute BLEU between the generated answer and the reference answer.'],
    ['rag-support-assistant', 'Evaluation', 'Eval: BLEU vs agent replies on 500 tickets, ship if > 0.4.'],
  ], [
    ['rag-support-assistant', 'Evaluation', "BLEU rewards copying the agent's phrasing, so we grade groundedness instead."],
    ['rag-support-assistant', 'Evaluation', 'We report BLEU only as a sanity check; the gate is human-rated correctness.'],
    ['rag-support-assistant', 'Evaluation', 'We also compare the generated answers to the agent replies with BLEU.'],
  ]);
});

describe('an offline win that replaces the model for every user is an offline-only launch', () => {
  flagCases('offline-only-launch', [
    ['news-feed', 'Evaluation', 'Once offline AUC beats the current model we replace it for all users.'],
    ['news-feed', 'Evaluation', 'If the new ranker has higher NDCG on the holdout, we switch every user to it.'],
  ], [
    ['news-feed', 'Evaluation', 'If offline AUC beats the current model, we start an A/B test on 5% of users.'],
    ['news-feed', 'Evaluation', 'When offline AUC is higher we run an experiment, and only then replace it for all users.'],
  ]);
});

describe('a time bucket of N minutes is classification, not minutes predicted', () => {
  flagCases('eta-as-classification', [
    ['eta-prediction', 'Frame', 'We predict which 10-minute bucket the delivery falls in, as a classification.'],
    ['eta-prediction', 'Frame', 'We predict which 10-minute bucket the delivery falls in.'],
  ], [
    ['eta-prediction', 'Frame', 'Regression of the minutes until delivery, not a 10-minute bucket classification.'],
    ['eta-prediction', 'Frame', 'We predict the minutes until delivery as a regression.'],
  ]);
});

describe('"or not" names the other answer of a yes-or-no, no correction', () => {
  flagCases('classification-framing', [
    ['street-view-blurring', 'Frame', 'Classify each image as containing a face or not, and blur the whole image if so.'],
    ['street-view-blurring', 'Frame', 'A binary classifier decides whether each panorama contains a face or not.'],
  ], [
    ['street-view-blurring', 'Frame', 'We detect faces with bounding boxes, not classify whether each image contains a face or not.'],
    ['street-view-blurring', 'Frame', 'We detect every face and plate with a box and blur only the boxes.'],
  ]);
});

describe('a shuffle before a split said in the next step is a random split', () => {
  flagCases('random-split-temporal-data', [
    ['fraud-detection', 'Data', 'We shuffle the data randomly. Then we split it 80/10/10 into train, validation and test.'],
    ['fraud-detection', 'Data', 'First we shuffle all transactions, then take 80% for training and 20% for test.'],
    ['news-feed', 'Data', 'The data is shuffled randomly before the train/test split.'],
  ], [
    ['fraud-detection', 'Model', 'We shuffle the training examples every epoch.'],
    ['fraud-detection', 'Data', 'We split by time. Then we shuffle the training set within each epoch.'],
    ['fraud-detection', 'Data', 'We shuffle the data randomly. Then we train a model.'],
  ]);
});

describe('the sentence that scored after approval credits no latency item either', () => {
  itemCases('serving-latency', 'missed', [['fraud-detection', 'Serving', 'We approve the payment first and run the model asynchronously afterwards.']]);
});
