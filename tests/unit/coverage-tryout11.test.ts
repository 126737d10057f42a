import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../../src/answers/parse.js';
import { scoreBuiltin } from '../helpers/builtin.js';
import { itemCases, statusOf, type Case } from '../helpers/stage-cases.js';

// Coverage faults a new-user tryout (tryout 11) found, each fixed as a kind and checked on wordings of
// our own, mostly on other prompts: what must now be earned, and the near misses that still must not be.

/** One test per case: item `item` is covered after each of `fires` and not covered after each of `quiet`. */
function kind(item: string, fires: Case[], quiet: Case[]): void {
  itemCases(item, 'covered', fires);
  it.each(quiet)(`${item} is not covered on %s: %s / %s`, (prompt, stage, text) => {
    expect(statusOf(prompt, stage, text, item)).not.toBe('covered');
  });
}

/** The status of `item` when `text` is scored as plain notes, with no stage headings. */
const inNotes = (prompt: string, text: string, item: string) =>
  scoreBuiltin(prompt, `${text}\n`, 'senior', 'notes.txt').stages.flatMap((s) => s.items).find((i) => i.id === item)?.status;

describe('a label defined in ordinary words (label-definition)', () => {
  kind(
    'labels',
    [
      // One class defined by the event that makes it, in either order.
      ['ad-click-prediction', 'Data', 'Positives are clicked impressions.'],
      ['ad-click-prediction', 'Data', 'Negatives are impressions without a click; unseen ads are never negatives.'],
      ['ad-click-prediction', 'Data', 'A positive is an impression clicked within 30 minutes.'],
      ['ad-click-prediction', 'Data', 'positive = click within 30 min of the impression'],
      ['video-recommendation', 'Data', 'Positives are watches longer than 30 seconds; negatives are impressions the user scrolled past.'],
      ['video-recommendation', 'Model', 'negatives = shown but not clicked, much better for ranking than random negatives.'],
      // A class said by what puts an example in it.
      ['fraud-detection', 'Data', 'A fraud-coded chargeback marks the payment as fraud.'],
      ['fraud-detection', 'Data', 'A payment counts as fraud when the issuer files a fraud chargeback.'],
      ['harmful-content-detection', 'Data', 'A post is considered violating once a reviewer upholds the report.'],
      ['news-feed', 'Data', 'A hide counts as a negative as well.'],
      ['video-recommendation', 'Data', 'Positives include watches past 30 seconds and likes.'],
      // What is taken as the label.
      ['notification-ranking', 'Data', 'We use opens within one hour as the label.'],
      ['harmful-content-detection', 'Data', 'We take reviewer decisions as the label.'],
      ['fraud-detection', 'Data', 'Training data: we use chargebacks as the fraud label and analyst verdicts as extra positives.'],
      // A measured target.
      ['eta-prediction', 'Data', "We regress on the actual delivery time in minutes, taken from the courier's GPS."],
      ['eta-prediction', 'Data', 'We train on the observed minutes from checkout to drop-off.'],
    ],
    [
      ['fraud-detection', 'Evaluation', 'False positives are costly because they block honest buyers.'],
      ['ad-click-prediction', 'Data', 'Positives are weighted ten times higher in the loss.'],
      ['video-recommendation', 'Model', 'A weighted logistic regression where positives are weighted by watch time.'],
      ['ad-click-prediction', 'Data', 'Positives are about 1% of impressions.'],
      // A class word as an adjective, or the class after the verb of counting, defines nothing.
      ['news-feed', 'Serving', 'Positive reviews are shown first.'],
      ['news-feed', 'Monitoring', 'Negative comments are hidden by the moderation team.'],
      ['video-recommendation', 'Evaluation', 'Negative feedback rate is watched as a guardrail.'],
      ['fraud-detection', 'Evaluation', 'We count fraud as caught when the payment is declined.'],
      ['fraud-detection', 'Data', 'We use chargebacks as a feature.'],
      ['eta-prediction', 'Monitoring', 'We compare the predicted and actual delivery times every hour.'],
      ['fraud-detection', 'Data', 'We collect payments, devices and accounts from the logs.'],
      ['eta-prediction', 'Monitoring', 'Drift: the distribution of delivery times shifts in winter.'],
    ],
  );

  it('a topic lead-in in notes keeps its words: "Label: X" reads as it does under a stage heading', () => {
    expect(inNotes('eta-prediction', 'Label: the actual delivery duration.', 'labels')).toBe('covered');
    expect(inNotes('fraud-detection', 'Labels: a payment is fraud if it gets a fraud-coded chargeback within 90 days; otherwise it is legitimate.', 'labels')).toBe('covered');
    expect(inNotes('eta-prediction', 'Scale: 10M orders a day.\nLabels: deliveries with GPS-confirmed drop-off time\nModel: GBDT.', 'labels')).toBe('covered');
    expect(inNotes('eta-prediction', '## Labels\nthe actual delivery duration.', 'labels')).toBe('covered');
  });

  it('a topic lead-in still starts its stage; a stage name is still left out of the text', () => {
    const topic = parseAnswers('Scale: 10M orders a day.\nLabels: the actual delivery duration.\nModel: boosted trees.', 'notes.txt').answers.sections;
    expect(topic.data?.trim()).toBe('Labels: the actual delivery duration.');
    expect(topic.model?.trim()).toBe('boosted trees.');
    expect(parseAnswers('## Labels\nthe actual delivery duration.\n## Model\nboosted trees.', 'a.md').answers.sections.data?.trim()).toBe('## Labels\nthe actual delivery duration.');
    expect(parseAnswers('## Data\nclick logs.\n## Model\nboosted trees.', 'a.md').answers.sections.data?.trim()).toBe('click logs.');
  });
});

describe('a chargeback window is the late-label item', () => {
  kind(
    'chargeback-labels',
    [
      ['fraud-detection', 'Data', 'Labels: a payment is fraud if it gets a fraud-coded chargeback within 90 days; otherwise it is legitimate.'],
      ['fraud-detection', 'Data', 'Disputes can be filed up to 120 days after the payment.'],
    ],
    [['fraud-detection', 'Data', 'Labels come from chargebacks with a fraud code.']],
  );
});

describe('a named model is a concrete model choice (model-family)', () => {
  kind(
    'model-choice',
    [
      ['similar-listings', 'Model', 'Model: skip-gram on click sessions'],
      ['similar-listings', 'Model', 'word2vec-style listing embeddings trained on booking sessions'],
      ['street-view-blurring', 'Model', 'Model: YOLOv8 detector fine-tuned on our street images'],
      ['search-ranking', 'Model', 'Fine-tune BERT on query and product title pairs.'],
      ['search-ranking', 'Model', 'A BERT cross-encoder reranks the top 50.'],
      ['ad-click-prediction', 'Model', 'We train a DLRM on the click logs.'],
      ['visual-search', 'Model', 'Backbone: a pretrained ResNet-50 fine-tuned with a contrastive loss.'],
      ['visual-search', 'Model', 'A ViT image encoder trained with triplet loss.'],
      ['people-you-may-know', 'Model', 'node2vec embeddings over the connection graph.'],
      ['people-you-may-know', 'Model', 'GraphSAGE embeddings of members for candidate retrieval.'],
      ['news-feed', 'Model', 'A sequence model (SASRec) over the last 50 interactions.'],
      ['harmful-content-detection', 'Model', 'DistilBERT classifier on the post text.'],
      ['search-ranking', 'Model', 'LambdaMART ranker on 200 features.'],
      ['eta-prediction', 'Model', "An LSTM over the courier's GPS trace."],
      ['rag-support-assistant', 'Model', "Generator: GPT-4 behind the provider's API; retriever: a bi-encoder."],
    ],
    [
      ['street-view-blurring', 'Model', 'We need a model that handles blur well.'],
      ['search-ranking', 'Model', 'We start with a simple model and iterate.'],
      ['news-feed', 'Model', 'The model skips posts the user has already seen.'],
      ['fraud-detection', 'Model', 'We clip gradients during training.'],
      ['rag-support-assistant', 'Evaluation', 'We report BERT score against the reference answers.'],
    ],
  );
});

describe('how rare the positives are, said as a ratio or as the share of the majority; a class weighted up', () => {
  kind(
    'class-imbalance',
    [
      ['fraud-detection', 'Data', 'Only about 1 in 1,000 payments is fraud, so we weight the fraud class higher in the loss.'],
      ['fraud-detection', 'Evaluation', 'We avoid accuracy because 99.9% of payments are legitimate.'],
      ['ad-click-prediction', 'Data', 'About 1 in 100 impressions gets a click.'],
      ['notification-ranking', 'Data', 'Only 3 out of 100 notifications are opened.'],
      ['harmful-content-detection', 'Data', 'Roughly one in a thousand posts violates the policy.'],
      ['harmful-content-detection', 'Data', 'The vast majority of posts are benign: over 99%.'],
      ['fraud-detection', 'Data', 'We upweight the fraud class 50x in the loss.'],
    ],
    [
      ['fraud-detection', 'Evaluation', 'We send 1 in 100 payments to the new model first.'],
      ['fraud-detection', 'Monitoring', 'Analysts review 1 in 1,000 approved payments each day.'],
      ['fraud-detection', 'Serving', '99.9% of requests must finish within 100 ms.'],
      ['fraud-detection', 'Evaluation', 'We approve 99% of legitimate payments without a challenge.'],
      ['search-ranking', 'Data', 'The product in the first slot gets far more clicks than the one in the tenth slot.'],
      ['fraud-detection', 'Data', 'Payments are legitimate unless a chargeback arrives.'],
    ],
  );
});

describe('a loss named by its shape, or an asymmetric penalty in words', () => {
  kind(
    'loss-function',
    [
      ['eta-prediction', 'Model', 'Loss: we use an asymmetric loss (quantile loss at p70) because being late costs more than being early.'],
      ['eta-prediction', 'Model', 'We penalize lateness more heavily than earliness in the loss.'],
      ['fraud-detection', 'Model', 'Train on a weighted logloss with fraud weighted 20x.'],
      ['visual-search', 'Model', 'Embeddings come from a triplet setup; the loss is contrastive with a margin of 0.2.'],
    ],
    [
      ['eta-prediction', 'Model', 'Being late costs more than being early.'],
      ['fraud-detection', 'Model', 'Fraud losses are about $2M a month.'],
      ['ad-click-prediction', 'Evaluation', 'We report logloss on the held-out day.'],
    ],
  );
});

describe('a pick between two models, or one better on an axis and too costly on another, is a trade-off', () => {
  kind(
    'model-tradeoffs',
    [
      ['fraud-detection', 'Model', 'We pick GBDT over a deep network: cheaper to serve'],
      ['eta-prediction', 'Model', 'We choose gradient boosted trees over an LSTM because they train faster.'],
      ['search-ranking', 'Model', 'A cross-encoder is more accurate, but too slow for 1,000 candidates.'],
      ['visual-search', 'Model', 'ViT over ResNet: better recall on our catalog at a similar latency.'],
    ],
    [
      ['fraud-detection', 'Model', 'We pick GBDT.'],
      ['fraud-detection', 'Model', 'Trees go over the features in order.'],
    ],
  );
});

describe('credit from a phrase used in another sense', () => {
  // A chargeback's reason code is the card network's dispute category, not the model's explanation.
  kind(
    'reason-codes',
    [
      ['fraud-detection', 'Model', 'Each decision returns reason codes from SHAP values for the analysts.'],
      ['fraud-detection', 'Serving', 'We log the top three reason codes with every decline.'],
    ],
    [
      ['fraud-detection', 'Data', 'Labels: chargebacks with a fraud reason code.'],
      ['fraud-detection', 'Data', 'We keep only chargebacks whose reason code is fraud, not service disputes.'],
      ['fraud-detection', 'Data', "The issuer's reason code tells fraud from merchant disputes."],
      ['fraud-detection', 'Data', 'Chargeback reason codes separate fraud from "item not received".'],
    ],
  );
  // The predicted CTR is the model's output, not a click-through rate measured online.
  kind(
    'online-metrics',
    [
      ['ad-click-prediction', 'Evaluation', 'Online we watch CTR and revenue per thousand impressions in the A/B test.'],
      ['ad-click-prediction', 'Evaluation', 'Online metrics: CTR, revenue per mille, advertiser ROI.'],
    ],
    [
      ['ad-click-prediction', 'Frame', 'The predicted CTR feeds the auction bid.'],
      ['ad-click-prediction', 'Frame', 'The estimated click-through rate is multiplied by the bid to rank ads.'],
      ['ad-click-prediction', 'Serving', 'The CTR prediction must come back in 10 ms.'],
    ],
  );
  itemCases('auction-use', 'covered', [['ad-click-prediction', 'Frame', 'The predicted CTR feeds the auction bid.']]);
  // An agent's reply named as the reference an answer is scored against is no use of ticket data.
  kind(
    'ticket-knowledge',
    [
      ['rag-support-assistant', 'Data', 'We mine question and answer pairs from agent replies on solved tickets.'],
      ['rag-support-assistant', 'Data', 'Agent replies are indexed as a second source, ranked below the articles.'],
      ['rag-support-assistant', 'Data', 'We filter agent replies before they go into the index.'],
    ],
    [
      ['rag-support-assistant', 'Evaluation', "BLEU against the human agent's reply"],
      ['rag-support-assistant', 'Evaluation', "We compare answers to the agents' replies with ROUGE."],
    ],
  );
});
