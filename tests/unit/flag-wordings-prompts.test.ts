import { describe } from 'vitest';
import { flagCases, type Case } from '../helpers/stage-cases.js';

// Red flags in natural wording (tryout 8, F6/F18/F24): a trigger written as an exact phrase missed the same
// mistake said with a content word between its words, in another order, with a pronoun or another verb form.
// The prompts' own flags now also have concept patterns (word groups in one clause, any order). Each "fires" sentence
// is a wording of our own that raised nothing before; each "quiet" one is a correct statement near the same
// words that must stay quiet (negation, a correction, the losing side of a comparison).
describe('answers-everything: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['rag-support-assistant', 'Model', 'The assistant answers every customer question itself.'],
    ['rag-support-assistant', 'Model', 'The bot always responds with an answer, whatever the question.'],
    ['rag-support-assistant', 'Model', 'The goal is for the bot to handle every ticket without agents.'],
  ];
  const quiet: Case[] = [
    ['rag-support-assistant', 'Model', 'It refuses billing and security questions and escalates them.'],
    ['rag-support-assistant', 'Model', 'It should not answer every question; low-confidence ones go to a human.'],
    ['rag-support-assistant', 'Model', 'When retrieval finds nothing relevant, the bot hands the question to an agent.'],
  ];
  flagCases('answers-everything', fires, quiet);
});

describe('attribute-matching-only: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['similar-listings', 'Model', 'Similarity is a hand-written score over location, price and size.'],
    ['similar-listings', 'Model', 'Two listings are similar when they share city, price band and bedroom count.'],
    ['similar-listings', 'Model', 'We match listings on their attributes: same neighbourhood, same number of guests.'],
  ];
  const quiet: Case[] = [
    ['similar-listings', 'Model', 'Attribute matching alone misses style, so we learn from co-viewed listings.'],
    ['similar-listings', 'Model', 'Candidates come from session embeddings and are filtered by city and dates.'],
    ['similar-listings', 'Model', 'Listing embeddings are learned from browsing sessions, with attributes as filters.'],
  ];
  flagCases('attribute-matching-only', fires, quiet);
});

describe('auto-remove-everything: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['harmful-content-detection', 'Serving', 'Anything the model flags gets removed.'],
    ['harmful-content-detection', 'Serving', 'Every post scoring above 0.8 is taken down automatically.'],
    ['harmful-content-detection', 'Serving', 'Posts over the threshold are deleted right away, no review.'],
  ];
  const quiet: Case[] = [
    ['harmful-content-detection', 'Serving', 'Only very confident cases are removed automatically; the uncertain band goes to human review.'],
    ['harmful-content-detection', 'Serving', 'Posts above 0.95 are removed, 0.7 to 0.95 demoted and queued for moderators.'],
    ['harmful-content-detection', 'Serving', 'Removed posts can be appealed, and moderators review the borderline ones.'],
  ];
  flagCases('auto-remove-everything', fires, quiet);
});

describe('batch-fraud-scoring: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['fraud-detection', 'Serving', 'A nightly job scores the day\'s payments and flags suspicious ones.'],
    ['fraud-detection', 'Serving', 'Payments are approved first and scored by the model in an hourly batch.'],
  ];
  const quiet: Case[] = [
    ['fraud-detection', 'Serving', 'Card aggregates are refreshed by a nightly batch job; the model scores each payment in real time.'],
    ['fraud-detection', 'Serving', 'Each payment is scored synchronously before authorization, within 50 ms.'],
    ['fraud-detection', 'Serving', 'We retrain nightly in batch, but scoring happens online per payment.'],
  ];
  flagCases('batch-fraud-scoring', fires, quiet);
});

describe('classification-framing: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['street-view-blurring', 'Frame', 'The model decides for each panorama whether it contains a face.'],
    ['visual-search', 'Frame', 'The model predicts which of 1,000 classes the query image belongs to.'],
    ['visual-search', 'Frame', 'We train a classifier that assigns each image a product category.'],
  ];
  const quiet: Case[] = [
    ['street-view-blurring', 'Frame', 'A per-image yes/no cannot say where to blur, so we detect boxes.'],
    ['street-view-blurring', 'Frame', 'It is object detection: boxes around faces and plates, which are then blurred.'],
    ['street-view-blurring', 'Frame', 'We segment faces and plates and blur the pixels inside the masks.'],
    ['visual-search', 'Frame', 'A contrastive model maps images to vectors and we search by nearest neighbour.'],
    ['visual-search', 'Frame', 'Classification cannot express "looks like this", so we use metric learning.'],
    ['visual-search', 'Frame', 'We learn an embedding space where similar images are close.'],
  ];
  flagCases('classification-framing', fires, quiet);
});

describe('clicks-as-relevance: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['video-recommendation', 'Frame', 'A positive is any video the user clicked on.'],
    ['video-recommendation', 'Frame', 'We rank videos by their predicted chance of being clicked.'],
  ];
  const quiet: Case[] = [
    ['video-recommendation', 'Frame', 'A positive is a video watched for more than half its length.'],
    ['video-recommendation', 'Frame', 'Clicks reward clickbait, so the label is a meaningful watch.'],
    ['video-recommendation', 'Frame', 'We predict expected watch time, not clicks.'],
  ];
  flagCases('clicks-as-relevance', fires, quiet);
});

describe('clicks-as-success: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['similar-listings', 'Evaluation', 'Success is measured by clicks on the similar listings row.'],
  ];
  const quiet: Case[] = [
    ['similar-listings', 'Evaluation', 'Row CTR is a secondary metric, bookings the primary one.'],
    ['similar-listings', 'Evaluation', 'The main metric is bookings from the session; clicks are a diagnostic.'],
    ['similar-listings', 'Evaluation', 'We optimize bookings, not clicks.'],
  ];
  flagCases('clicks-as-success', fires, quiet);
});

describe('clicks-as-target: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['event-recommendation', 'Frame', 'The label is a click on the event card.'],
    ['event-recommendation', 'Frame', 'We rank events by how likely the user is to click them.'],
  ];
  const quiet: Case[] = [
    ['event-recommendation', 'Frame', 'Clicks are only an auxiliary head; the target is registration.'],
    ['event-recommendation', 'Frame', 'The label is a registration, since clicks are cheap.'],
    ['event-recommendation', 'Frame', 'We predict the probability that the user registers for the event.'],
  ];
  flagCases('clicks-as-target', fires, quiet);
});

describe('clicks-only-objective: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['news-feed', 'Frame', 'The feed ranks by predicted click-through rate.'],
    ['news-feed', 'Frame', 'The model\'s only target is whether the post is clicked.'],
    ['news-feed', 'Frame', 'We order posts by how likely the user is to click them.'],
  ];
  const quiet: Case[] = [
    ['news-feed', 'Frame', 'Clicks alone reward clickbait, so we combine them with comments, shares and hides.'],
    ['news-feed', 'Frame', 'The score is a weighted sum of P(click), P(comment), P(share) and P(hide).'],
    ['news-feed', 'Frame', 'We rank by a weighted engagement score, not by clicks.'],
  ];
  flagCases('clicks-only-objective', fires, quiet);
});

describe('completion-as-objective: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['video-recommendation', 'Frame', 'The target is whether the user finishes the video.'],
    ['video-recommendation', 'Frame', 'We rank by predicted completion rate.'],
  ];
  const quiet: Case[] = [
    ['video-recommendation', 'Frame', 'Completion favours short videos, so we normalise it by length.'],
    ['video-recommendation', 'Frame', 'The target is watch time, with completion as one feature.'],
    ['video-recommendation', 'Frame', 'We predict the fraction watched, adjusted for video length.'],
  ];
  flagCases('completion-as-objective', fires, quiet);
});

describe('ctr-objective: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['video-search', 'Frame', 'Results are ordered by their predicted click-through rate.'],
    ['video-search', 'Frame', 'The label is a click on the result.'],
    ['video-search', 'Frame', 'We train the ranker to predict whether a result gets clicked.'],
  ];
  const quiet: Case[] = [
    ['video-search', 'Frame', 'Clicks reward clickbait, so the label is a watch of 30 seconds after the click.'],
    ['video-search', 'Frame', 'The target is satisfaction: a long watch after the click.'],
    ['video-search', 'Frame', 'We predict a meaningful watch, with CTR only as a guardrail.'],
  ];
  flagCases('ctr-objective', fires, quiet);
});

describe('current-graph-features: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['people-you-may-know', 'Data', 'Mutual friend counts come from today\'s graph for every training pair.'],
    ['people-you-may-know', 'Model', 'Node embeddings are trained on the latest full graph and used as features for last year\'s pairs.'],
    ['people-you-may-know', 'Model', 'We compute graph features such as mutual friends using the full current graph, including edges formed after the training snapshot.'],
  ];
  const quiet: Case[] = [
    ['people-you-may-know', 'Data', 'Features come from the graph as of the snapshot date; labels are edges formed in the next 30 days.'],
    ['people-you-may-know', 'Data', 'Mutual friend counts are computed on the frozen snapshot, never on the current graph.'],
    ['people-you-may-know', 'Data', 'Positives are connections formed after the snapshot.'],
  ];
  flagCases('current-graph-features', fires, quiet);
});

describe('declines-as-fraud-labels: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['fraud-detection', 'Data', 'Any payment our rules declined is treated as a fraud example.'],
    ['fraud-detection', 'Data', 'We mark every rejected transaction as fraudulent.'],
  ];
  const quiet: Case[] = [
    ['fraud-detection', 'Data', 'A small exploration slice lets some would-be declines through so we learn their outcome.'],
    ['fraud-detection', 'Data', 'Declined payments have no outcome, so they stay out of the training labels.'],
    ['fraud-detection', 'Data', 'Positives are chargebacks on approved payments only.'],
  ];
  flagCases('declines-as-fraud-labels', fires, quiet);
});

describe('downsampling-without-correction: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['ad-click-prediction', 'Data', 'Most negatives are thrown away so that clicks are 20% of the training data.'],
    ['ad-click-prediction', 'Data', 'We keep only 5% of the non-click impressions to make training cheaper.'],
    ['ad-click-prediction', 'Data', 'We subsample the non-clicks to one in ten.'],
  ];
  const quiet: Case[] = [
    ['ad-click-prediction', 'Data', 'Negatives are downsampled and the predictions are corrected back with the sampling rate.'],
    ['ad-click-prediction', 'Data', 'We keep 5% of non-clicks and reweight them by 20 so the predicted CTR stays calibrated.'],
    ['ad-click-prediction', 'Data', 'We train on every impression, with no sampling, because the auction needs true probabilities.'],
  ];
  flagCases('downsampling-without-correction', fires, quiet);
});

describe('downscale-small-faces: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['street-view-blurring', 'Model', 'Panoramas are resized to 1024 by 512 before the detector.'],
  ];
  const quiet: Case[] = [
    ['street-view-blurring', 'Model', 'Resizing would erase distant faces, so we run on crops.'],
    ['street-view-blurring', 'Model', 'The detector runs on 1024-pixel tiles at native resolution.'],
    ['street-view-blurring', 'Model', 'We tile the panorama at full resolution so small faces stay visible.'],
  ];
  flagCases('downscale-small-faces', fires, quiet);
});

describe('embedding-only-retrieval: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['search-ranking', 'Model', 'Candidates come only from an ANN index of embeddings.'],
    ['search-ranking', 'Model', 'Retrieval is a pure vector search over product embeddings.'],
    ['search-ranking', 'Model', 'We drop keyword matching and use only the dense retriever.'],
  ];
  const quiet: Case[] = [
    ['search-ranking', 'Model', 'Candidates come from BM25 and an ANN index of embeddings, merged.'],
    ['search-ranking', 'Model', 'Dense retrieval runs next to the inverted index for exact brand and model numbers.'],
    ['search-ranking', 'Model', 'Embeddings alone miss model numbers, so keyword search stays.'],
  ];
  flagCases('embedding-only-retrieval', fires, quiet);
});

describe('eta-as-classification: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['eta-prediction', 'Frame', 'It is a classification task over delivery-time classes.'],
    ['eta-prediction', 'Frame', 'The model puts each order into one of three buckets: under 20, 20 to 40, over 40 minutes.'],
    ['eta-prediction', 'Frame', 'We predict whether the order will be late or on time.'],
  ];
  const quiet: Case[] = [
    ['eta-prediction', 'Frame', 'Classification into buckets would lose the ordering of times, so we regress minutes.'],
    ['eta-prediction', 'Frame', 'It is a regression on the minutes from checkout to delivery.'],
    ['eta-prediction', 'Frame', 'We predict a high quantile of the delivery time in minutes.'],
  ];
  flagCases('eta-as-classification', fires, quiet);
});

describe('exact-search-at-scale: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['visual-search', 'Serving', 'For each query we compute the distance to every image embedding and take the top 10.'],
    ['visual-search', 'Serving', 'Nearest neighbours are found by comparing the query with all billion embeddings.'],
    ['visual-search', 'Serving', 'We scan all the vectors in the database for the closest ones.'],
  ];
  const quiet: Case[] = [
    ['visual-search', 'Serving', 'A brute-force scan of billions cannot meet 200 ms, so we use ANN.'],
    ['visual-search', 'Serving', 'An approximate index such as HNSW returns the top 100 within 20 ms.'],
    ['visual-search', 'Serving', 'We use FAISS with IVF-PQ, sharded across machines.'],
  ];
  flagCases('exact-search-at-scale', fires, quiet);
});

describe('eyeballed-quality: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['rag-support-assistant', 'Evaluation', 'The team reads some answers by hand before each release and ships if they seem fine.'],
    ['rag-support-assistant', 'Evaluation', 'We test a few sample questions manually.'],
    ['rag-support-assistant', 'Evaluation', 'We try it on a handful of questions and check the answers look reasonable.'],
  ];
  const quiet: Case[] = [
    ['rag-support-assistant', 'Evaluation', 'Reviewers grade 300 sampled answers each week for correctness.'],
    ['rag-support-assistant', 'Evaluation', 'Trying a few questions by hand is not enough; we use a fixed golden set.'],
    ['rag-support-assistant', 'Evaluation', 'We keep a golden set of 500 real questions with expert answers and grade every change on it.'],
  ];
  flagCases('eyeballed-quality', fires, quiet);
});

describe('future-information-feature: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['eta-prediction', 'Data', 'A strong feature is how long the kitchen actually took to prepare the order.'],
    ['eta-prediction', 'Data', 'We feed the courier\'s real pickup time into the checkout model.'],
  ];
  const quiet: Case[] = [
    ['eta-prediction', 'Data', 'Actual prep time is only known after the order is ready, so it cannot be a feature.'],
    ['eta-prediction', 'Data', 'The actual delivery time is the label.'],
    ['eta-prediction', 'Data', 'We use the restaurant\'s average prep time over the last week as a feature.'],
  ];
  flagCases('future-information-feature', fires, quiet);
});

describe('immature-negatives: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['fraud-detection', 'Data', 'If no chargeback has arrived, the payment counts as genuine.'],
    ['fraud-detection', 'Data', 'Transactions that have not been charged back are negatives.'],
  ];
  const quiet: Case[] = [
    ['fraud-detection', 'Data', 'Payments count as legitimate only after the 90-day chargeback window closes.'],
    ['fraud-detection', 'Data', 'Recent payments are left out of training until their labels mature.'],
    ['fraud-detection', 'Data', 'We wait for labels to mature before training on recent payments.'],
  ];
  flagCases('immature-negatives', fires, quiet);
});

describe('knowledge-in-weights: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['rag-support-assistant', 'Model', 'The model learns the documentation by fine-tuning on it every release.'],
    ['rag-support-assistant', 'Model', 'We fine-tune the LLM on all our help articles so it knows the product.'],
    ['rag-support-assistant', 'Model', 'We train the model on the help-center content instead of retrieving it.'],
  ];
  const quiet: Case[] = [
    ['rag-support-assistant', 'Model', 'Fine-tuning on the docs would go stale, so we use retrieval.'],
    ['rag-support-assistant', 'Model', 'We fine-tune the retriever on question and article pairs.'],
    ['rag-support-assistant', 'Model', 'We may fine-tune the model on the tone of agent replies, while facts come from retrieved articles.'],
    ['rag-support-assistant', 'Model', 'We retrieve from the docs at answer time rather than fine-tuning on them, so answers stay current.'],
  ];
  flagCases('knowledge-in-weights', fires, quiet);
});

describe('location-blind: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['event-recommendation', 'Model', 'The list is the events with the most registrations overall.'],
    ['event-recommendation', 'Model', 'We recommend the top trending events worldwide to every user.'],
    ['event-recommendation', 'Model', 'We show everyone the most popular events on the platform.'],
  ];
  const quiet: Case[] = [
    ['event-recommendation', 'Model', 'A global popularity list ignores distance, so we rank popular events by city.'],
    ['event-recommendation', 'Model', 'Popular events within 30 km of the user are the cold-start fallback.'],
    ['event-recommendation', 'Model', 'We filter to events near the user before ranking by popularity.'],
  ];
  flagCases('location-blind', fires, quiet);
});

describe('needless-real-time: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['street-view-blurring', 'Serving', 'Blurring happens on the fly when the panorama is viewed.'],
    ['street-view-blurring', 'Serving', 'Each image is blurred by an online service when a user requests it.'],
    ['street-view-blurring', 'Serving', 'We serve the detector behind a low-latency API at view time.'],
  ];
  const quiet: Case[] = [
    ['street-view-blurring', 'Serving', 'A batch pipeline blurs new imagery before it is published.'],
    ['street-view-blurring', 'Serving', 'Images are processed in nightly batches after upload.'],
    ['street-view-blurring', 'Serving', 'Latency does not matter, so we run offline on a GPU cluster.'],
  ];
  flagCases('needless-real-time', fires, quiet);
});

describe('no-volume-control: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['notification-ranking', 'Serving', 'Each new like or comment triggers a notification immediately.'],
    ['notification-ranking', 'Serving', 'Every event a producer fires becomes a push right away.'],
    ['notification-ranking', 'Serving', 'We send all the candidate notifications to the user as they arrive.'],
  ];
  const quiet: Case[] = [
    ['notification-ranking', 'Serving', 'Candidates are batched and only the best one is sent per hour.'],
    ['notification-ranking', 'Serving', 'Each user gets at most three pushes a day, chosen from the candidates.'],
    ['notification-ranking', 'Serving', 'We never forward every event as a push; a daily budget caps volume.'],
  ];
  flagCases('no-volume-control', fires, quiet);
});

describe('opens-as-incrementality: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['notification-ranking', 'Evaluation', 'Primary metric: opens per user.'],
    ['notification-ranking', 'Evaluation', 'The A/B test compares how many pushes get opened.'],
  ];
  const quiet: Case[] = [
    ['notification-ranking', 'Evaluation', 'A long-term holdout with no pushes measures the sessions they add.'],
    ['notification-ranking', 'Evaluation', 'Primary metric is daily active users against a holdout; opens are only a diagnostic.'],
    ['notification-ranking', 'Evaluation', 'We measure incremental sessions with an uplift estimate.'],
  ];
  flagCases('opens-as-incrementality', fires, quiet);
});

describe('opens-only-objective: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['notification-ranking', 'Frame', 'The objective is the open rate.'],
    ['notification-ranking', 'Frame', 'We optimise the model to get as many opens as possible.'],
    ['notification-ranking', 'Frame', 'We rank notifications by predicted open rate and send the top ones.'],
    ['notification-ranking', 'Frame', 'We send each user the notifications with the highest predicted chance of being opened.'],
  ];
  const quiet: Case[] = [
    ['notification-ranking', 'Frame', 'Ranking by open probability alone would reward clickbait, so the value subtracts disable risk.'],
    ['notification-ranking', 'Frame', 'We rank by the incremental lift in sessions a push causes, not by raw opens.'],
    ['notification-ranking', 'Frame', 'We send when the predicted open probability minus the cost of a disable is positive.'],
  ];
  flagCases('opens-only-objective', fires, quiet);
});

describe('optimize-requests-sent: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['people-you-may-know', 'Frame', 'Success is more invitations sent per day.'],
    ['people-you-may-know', 'Frame', 'The label is whether the user sent a request to the suggestion.'],
    ['people-you-may-know', 'Frame', 'We maximize the number of connection requests users send.'],
  ];
  const quiet: Case[] = [
    ['people-you-may-know', 'Frame', 'Requests sent can grow while accepted ones fall, so we target acceptances.'],
    ['people-you-may-know', 'Frame', 'The label is an accepted connection, not a sent request.'],
    ['people-you-may-know', 'Frame', 'We optimize for connections that are accepted within 14 days.'],
  ];
  flagCases('optimize-requests-sent', fires, quiet);
});

describe('pixel-similarity: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['visual-search', 'Model', 'Two images are similar when their pixel values are close.'],
  ];
  const quiet: Case[] = [
    ['visual-search', 'Model', 'A CNN trained contrastively gives the embeddings we compare.'],
    ['visual-search', 'Model', 'Pixel distances break under crops and lighting, so we learn features.'],
    ['visual-search', 'Model', 'Similarity is the cosine between learned embeddings, not pixels.'],
  ];
  flagCases('pixel-similarity', fires, quiet);
});

describe('positive-only-engagement: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['news-feed', 'Frame', 'Engagement is the sum of likes, comments and shares.'],
    ['news-feed', 'Frame', 'Positive signals only: like, comment, share, click.'],
  ];
  const quiet: Case[] = [
    ['news-feed', 'Frame', 'Hides and reports pull a post down, likes and shares push it up.'],
    ['news-feed', 'Frame', 'The score adds likes, comments and shares and subtracts hides and reports.'],
    ['news-feed', 'Frame', 'We predict likes, comments and shares, with a negative weight on hide.'],
  ];
  flagCases('positive-only-engagement', fires, quiet);
});

describe('precision-single-relevant: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['video-search', 'Evaluation', 'Precision in the top 10 results is the main offline measure.'],
    ['video-search', 'Evaluation', 'The offline metric is P@10 over the test queries.'],
  ];
  const quiet: Case[] = [
    ['video-search', 'Evaluation', 'Precision at k is capped at 1/k here, so we report the rank of the relevant video.'],
    ['video-search', 'Evaluation', 'Recall at 10 and mean reciprocal rank.'],
    ['video-search', 'Evaluation', 'With one relevant video per query, we use MRR and recall at 10.'],
  ];
  flagCases('precision-single-relevant', fires, quiet);
});

describe('precomputed-eta: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['eta-prediction', 'Serving', 'A batch job fills a table of estimates once a day, and the app reads it.'],
    ['eta-prediction', 'Serving', 'We precompute the estimates overnight per restaurant.'],
  ];
  const quiet: Case[] = [
    ['eta-prediction', 'Serving', 'Each estimate is computed at checkout from live kitchen load and traffic.'],
    ['eta-prediction', 'Serving', 'Restaurant prep-time averages are refreshed nightly; the ETA itself is predicted per request.'],
    ['eta-prediction', 'Serving', 'The model runs online for each order within 100 ms.'],
  ];
  flagCases('precomputed-eta', fires, quiet);
});

describe('random-edge-split: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['people-you-may-know', 'Data', 'Edges are shuffled and split 80/20 into train and test.'],
    ['people-you-may-know', 'Data', 'Edges formed later are shuffled and split 80/20 into train and test.'],
    ['people-you-may-know', 'Data', 'We hold out a random 10% of the edges as the test set.'],
    ['people-you-may-know', 'Evaluation', 'We randomly pick connections to test on and train on the rest.'],
  ];
  const quiet: Case[] = [
    ['people-you-may-know', 'Data', 'A random edge split would leak future connections, so we split by snapshot.'],
    ['people-you-may-know', 'Data', 'Features come from the snapshot at time t; labels are the connections made after t.'],
    ['people-you-may-know', 'Data', 'We train on the graph as of March 1 and label the edges formed in the following month.'],
  ];
  flagCases('random-edge-split', fires, quiet);
});

describe('rank-all-posts: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['news-feed', 'Serving', 'Every post on the platform is scored per request.'],
    ['news-feed', 'Serving', 'For each feed request the ranker scores all the posts in the system.'],
  ];
  const quiet: Case[] = [
    ['news-feed', 'Serving', 'Candidates are the few thousand recent posts from the user\'s network, which the ranker scores.'],
    ['news-feed', 'Serving', 'Ranking every post is impossible, so retrieval narrows to 2,000.'],
    ['news-feed', 'Serving', 'The ranker scores 500 retrieved posts within 100 ms.'],
  ];
  flagCases('rank-all-posts', fires, quiet);
});

describe('raw-clicks-as-relevance: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['search-ranking', 'Data', 'A clicked product is a relevant result, and the rest are irrelevant.'],
    ['search-ranking', 'Data', 'Relevance labels come straight from the click logs.'],
  ];
  const quiet: Case[] = [
    ['search-ranking', 'Data', 'Clicks are corrected for position bias with inverse propensity weights before use.'],
    ['search-ranking', 'Data', 'Purchases after a search are the strongest label, with clicks debiased by position.'],
    ['search-ranking', 'Data', 'Relevance labels come from human raters on sampled queries.'],
  ];
  flagCases('raw-clicks-as-relevance', fires, quiet);
});

describe('reports-as-test-labels: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['harmful-content-detection', 'Evaluation', 'Recall is computed using reported posts as the ground truth.'],
    ['harmful-content-detection', 'Evaluation', 'The test set is the posts users reported, counted as harmful.'],
    ['harmful-content-detection', 'Evaluation', 'We measure precision against user reports.'],
  ];
  const quiet: Case[] = [
    ['harmful-content-detection', 'Evaluation', 'Reported posts are reviewed by moderators, and their labels form the test set.'],
    ['harmful-content-detection', 'Evaluation', 'The test set is a random sample of posts labelled by trained moderators.'],
    ['harmful-content-detection', 'Evaluation', 'User reports are noisy, so evaluation uses expert labels.'],
  ];
  flagCases('reports-as-test-labels', fires, quiet);
});

describe('revenue-over-relevance: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['search-ranking', 'Model', 'Results are ordered by the margin each product earns.'],
    ['search-ranking', 'Model', 'The final score is the predicted purchase probability times the price.'],
    ['search-ranking', 'Model', 'We boost products with higher prices to the top.'],
  ];
  const quiet: Case[] = [
    ['search-ranking', 'Model', 'Expected revenue re-ranks only products above a relevance threshold.'],
    ['search-ranking', 'Model', 'Ranking by margin would hurt trust, so relevance comes first.'],
    ['search-ranking', 'Model', 'We rank by relevance, and revenue is a guardrail metric.'],
  ];
  flagCases('revenue-over-relevance', fires, quiet);
});

describe('rouge-quality-gate: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['rag-support-assistant', 'Evaluation', 'Our offline metric is ROUGE-L against past agent answers.'],
  ];
  const quiet: Case[] = [
    ['rag-support-assistant', 'Evaluation', 'Launch decisions rest on correctness graded by support experts, not on overlap scores.'],
    ['rag-support-assistant', 'Evaluation', 'ROUGE is misleading here, so we gate on groundedness judged by reviewers.'],
    ['rag-support-assistant', 'Evaluation', 'We track ROUGE only as a sanity check next to human-graded correctness.'],
  ];
  flagCases('rouge-quality-gate', fires, quiet);
});

describe('score-every-member: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['people-you-may-know', 'Serving', 'For each user we score all other members and take the top 20.'],
    ['people-you-may-know', 'Serving', 'Instead of only friends of friends, we score all other members for each user.'],
    ['people-you-may-know', 'Serving', 'We run the ranker over the whole member base for each request.'],
  ];
  const quiet: Case[] = [
    ['people-you-may-know', 'Serving', 'Candidates are friends of friends, a few thousand per user, which the ranker scores.'],
    ['people-you-may-know', 'Serving', 'Scoring every member is impossible at a billion users, so we retrieve candidates from the graph.'],
    ['people-you-may-know', 'Serving', 'We score the 2,000 candidates the two-hop walk returns.'],
  ];
  flagCases('score-every-member', fires, quiet);
});

describe('shared-ticket-index: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['rag-support-assistant', 'Data', 'All past tickets from every customer get embedded and stored in the same vector store as the docs.'],
    ['rag-support-assistant', 'Data', 'Sources: help articles plus resolved tickets, all chunked into a single vector database.'],
    ['rag-support-assistant', 'Data', 'The retriever searches both the articles and the historical support tickets of all customers.'],
    ['rag-support-assistant', 'Data', 'We put every help-center article and every customer\'s past support tickets into one shared vector index, so the bot can reuse answers agents already gave.'],
  ];
  const quiet: Case[] = [
    ['rag-support-assistant', 'Data', 'Each customer\'s tickets live in a separate index filtered by account id, after PII is scrubbed.'],
    ['rag-support-assistant', 'Data', 'Tickets stay out of the index; we only use them offline to find questions the docs miss.'],
    ['rag-support-assistant', 'Data', 'We index only the help-center articles, one shared index for everyone since the docs are public.'],
  ];
  flagCases('shared-ticket-index', fires, quiet);
});

describe('split-without-grouping: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['street-view-blurring', 'Data', 'Images are randomly assigned to train, validation and test.'],
    ['street-view-blurring', 'Data', 'Test images are a random sample of the frames.'],
  ];
  const quiet: Case[] = [
    ['street-view-blurring', 'Data', 'Test images come from cities the model never saw.'],
    ['street-view-blurring', 'Data', 'The split is by region and by time.'],
    ['street-view-blurring', 'Data', 'We split by drive, so frames from one drive never span train and test.'],
  ];
  flagCases('split-without-grouping', fires, quiet);
});

describe('stale-nightly-index: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['rag-support-assistant', 'Serving', 'A nightly job re-embeds all articles and rebuilds the index.'],
    ['rag-support-assistant', 'Serving', 'We rebuild the vector index every night from the docs.'],
  ];
  const quiet: Case[] = [
    ['rag-support-assistant', 'Serving', 'A webhook re-indexes a changed article within minutes.'],
    ['rag-support-assistant', 'Serving', 'Articles are re-embedded on publish, with a nightly full rebuild as a safety net.'],
    ['rag-support-assistant', 'Serving', 'The index is updated on every article change, so answers are fresh within the hour.'],
  ];
  flagCases('stale-nightly-index', fires, quiet);
});

describe('straight-line-distance: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['eta-prediction', 'Data', 'Distance is the direct distance between restaurant and customer coordinates.'],
    ['eta-prediction', 'Data', 'The key feature is the straight distance from the kitchen to the door.'],
    ['eta-prediction', 'Data', 'We compute the haversine between the two points as the main feature.'],
  ];
  const quiet: Case[] = [
    ['eta-prediction', 'Data', 'Distance is the driving distance along the road network, with current traffic speeds.'],
    ['eta-prediction', 'Data', 'Route features come from the map service: road distance and live speeds.'],
    ['eta-prediction', 'Data', 'We use the routing engine\'s travel time rather than straight-line distance.'],
  ];
  flagCases('straight-line-distance', fires, quiet);
});

describe('text-only: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['harmful-content-detection', 'Model', 'The classifier reads the caption and comments only.'],
    ['harmful-content-detection', 'Model', 'We classify each post from its text with a BERT model.'],
  ];
  const quiet: Case[] = [
    ['harmful-content-detection', 'Model', 'A text model alone misses harmful images, so we add an image encoder.'],
    ['harmful-content-detection', 'Model', 'Text, image and video encoders are fused into one classifier.'],
    ['harmful-content-detection', 'Model', 'The caption goes through BERT and the image through a ViT, and the two are fused.'],
  ];
  flagCases('text-only', fires, quiet);
});

describe('text-only-search: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['video-search', 'Model', 'Search uses the video metadata alone.'],
    ['video-search', 'Model', 'We match the query against titles, tags and descriptions with BM25.'],
  ];
  const quiet: Case[] = [
    ['video-search', 'Model', 'BM25 over titles runs next to a visual embedding index.'],
    ['video-search', 'Model', 'Frames are encoded with CLIP so videos with no title can be found.'],
    ['video-search', 'Model', 'Titles alone miss untitled videos, so we embed sampled frames.'],
  ];
  flagCases('text-only-search', fires, quiet);
});

describe('unvalidated-llm-judge: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['rag-support-assistant', 'Evaluation', 'An LLM grades each answer for correctness and we trust its score.'],
    ['rag-support-assistant', 'Evaluation', 'We use GPT-4 as a judge to score the answers.'],
  ];
  const quiet: Case[] = [
    ['rag-support-assistant', 'Evaluation', 'A judge model grades answers, and we check its agreement with expert grades on 200 answers first.'],
    ['rag-support-assistant', 'Evaluation', 'Human experts grade a weekly sample of answers.'],
    ['rag-support-assistant', 'Evaluation', 'We validate the LLM judge against agent grades before trusting it.'],
  ];
  flagCases('unvalidated-llm-judge', fires, quiet);
});

describe('video-level-encoder-cost: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['video-search', 'Model', 'A video transformer processes every frame of each upload.'],
    ['video-search', 'Model', 'We run a temporal model over the full frame sequence of every video.'],
  ];
  const quiet: Case[] = [
    ['video-search', 'Model', 'A 3D CNN over every frame is too expensive, so we sample frames.'],
    ['video-search', 'Model', 'Frame-level embeddings from 16 sampled frames are pooled.'],
    ['video-search', 'Model', 'We sample one frame per second and average their CLIP embeddings, which is cheap.'],
  ];
  flagCases('video-level-encoder-cost', fires, quiet);
});

describe('whole-catalog-ranking: the prompt\'s mistake in natural wording', () => {
  const fires: Case[] = [
    ['video-recommendation', 'Serving', 'Each homepage load scores the whole video library.'],
    ['video-recommendation', 'Serving', 'For every request the ranker scores all the videos in the catalogue.'],
    ['video-recommendation', 'Serving', 'Rather than ANN retrieval, the ranker scores all the videos in the catalogue per request.'],
    ['video-recommendation', 'Serving', 'We run the deep model over the full corpus of videos per user.'],
  ];
  const quiet: Case[] = [
    ['video-recommendation', 'Serving', 'ANN retrieval narrows the catalogue to 1,000 videos for the ranker.'],
    ['video-recommendation', 'Serving', 'Scoring the whole catalogue is impossible, so we use two stages.'],
    ['video-recommendation', 'Serving', 'The ranker scores only the few hundred candidates retrieval returns.'],
  ];
  flagCases('whole-catalog-ranking', fires, quiet);
});
