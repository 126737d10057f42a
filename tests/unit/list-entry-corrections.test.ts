import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/reading/tokens.js';
import { inLeadIn, listAround, saidOfEntry } from '../../src/scoring/list-entries.js';
import { flagCases } from '../helpers/stage-cases.js';

// Tryout 12: in "Useful features are the amount, the card's past chargebacks, and whether the card was later
// reported stolen", the word "past" of another entry cleared the future-information flag, and in a long list
// the lead-in "features" stood too far from the last entry to count. A correction must be said of the
// trigger's own entry (or remark on the whole list); the list's head holds for every entry.

describe('a correction in a sibling list entry does not clear a future-information feature', () => {
  flagCases('future-information-feature', [
    ['fraud-detection', 'Data', "Useful features are the amount, the card's past chargebacks, and whether the card was later reported stolen by the bank."],
    ['fraud-detection', 'Data', "Features: the amount, the merchant's historical fraud rate, the device, and whether the payment was later disputed."],
    ['ad-click-prediction', 'Data', "Inputs are the advertiser's historical CTR, the user's previous clicks, the slot, and whether the user later converted on the advertiser's site."],
    ['notification-ranking', 'Data', "Features are the user's past open rate, the hour, the category, and whether the user ended up opening the notification."],
    ['news-feed', 'Data', "The ranker's inputs are the author's past engagement, the post age, the viewer's previous likes, and whether the viewer eventually hid the post."],
    ['similar-listings', 'Data', "Features: the listing's price, its past bookings, the host's rating, and whether the guest eventually booked it."],
  ], [
    ['fraud-detection', 'Data', "Features are the amount, the country and the card's chargebacks so far, all computed up to the payment time."],
    ['fraud-detection', 'Data', "Features: the amount, the card's past chargebacks, the merchant's average ticket, each computed before the payment."],
    ['news-feed', 'Data', "Features are the author's past engagement, the post age, and the viewer's previous likes, all as of the request time."],
    ['fraud-detection', 'Data', "We label each payment by whether it was later disputed, and use the amount, the country and the card's past chargebacks as features."],
    ['event-recommendation', 'Data', 'Features are computed as of each impression; using the final registration count, or friends who registered later, would leak the label.'],
    ['people-you-may-know', 'Data', "If graph features come from today's graph, mutual counts include later edges, and the edge we predict can leak in."],
  ]);
});

describe('an outcome reported some time after the case is known only after prediction', () => {
  flagCases('future-information-feature', [
    ['ad-click-prediction', 'Data', 'We use conversions that are reported by advertisers up to 30 days later as an input feature.'],
    ['video-recommendation', 'Data', 'Ratings given days later are a feature of the ranker.'],
    ['fraud-detection', 'Data', 'As a feature we add the disputes filed weeks afterwards.'],
    ['search-ranking', 'Data', 'Purchases made days later feed into the ranker as a signal.'],
  ], [
    ['ad-click-prediction', 'Data', 'Labels are conversions reported up to 30 days later, so we wait before closing a day.'],
    ['ad-click-prediction', 'Data', "Features: the advertiser's conversion rate over the last 30 days, computed up to the impression."],
    ['fraud-detection', 'Data', 'Chargebacks arrive up to 90 days later, so labels for recent weeks are incomplete.'],
    ['video-recommendation', 'Evaluation', 'We evaluate on ratings given days later, never used as a feature.'],
  ]);
});

describe('totals and sums over the whole log are full-log aggregates', () => {
  flagCases('full-log-aggregates', [
    ['fraud-detection', 'Data', "Features: the amount, the card's total number of chargebacks over the whole two-year log, the merchant category."],
    ['news-feed', 'Data', "Features include the author's total number of likes across the entire dataset and the post age."],
    ['ad-click-prediction', 'Data', "Features: the advertiser's CTR, the slot, and the sum of clicks per ad over the full history of the data."],
    ['similar-listings', 'Data', "Each listing's booking count computed over all of the data is a feature."],
  ], [
    ['fraud-detection', 'Data', "Features: the card's number of payments in the last hour and the merchant's chargeback rate over the past 90 days."],
    ['news-feed', 'Data', "Features: the author's total likes up to the request time, and the post age."],
    ['ad-click-prediction', 'Data', "Features: the advertiser's CTR over the last 7 days, computed as of each impression."],
    ['video-recommendation', 'Data', "Features: the video's total views before the impression and the channel's average watch time up to the request time."],
  ]);
});

describe('list-entries', () => {
  /** The list around the first token of `word` in `text`, read as one clause. */
  const around = (text: string, word: string) => {
    const tokens = tokenize(text);
    const at = tokens.findIndex((t) => t.raw === word);
    return { tokens, at, list: listAround(tokens, [0, tokens.length], [at, at + 1]) };
  };
  it('reads three comma parts, or "X, and Y", as an enumeration', () => {
    expect(around('features are the amount, the country, and whether it was refunded', 'whether').list?.parts.length).toBe(3);
    expect(around('features are the amount, and whether it was refunded', 'whether').list?.own).toBe(1);
  });
  it('reads clauses as no enumeration: a subject, a modal, a verb of being or a condition of their own', () => {
    expect(around('we use the amount, and we drop the rest', 'drop').list).toBeNull();
    expect(around('using the final count, or friends who joined later, would leak', 'leak').list).toBeNull();
    expect(around('we score the ticket, and human grades are compared', 'compared').list).toBeNull();
    expect(around('if features come from today, counts include later edges, and edges leak', 'edges').list).toBeNull();
  });
  it('a correction counts in the own entry and in a remark, not in a sibling entry', () => {
    const { tokens, at, list } = around('features are the amount, the past chargebacks, whether it was later refunded, all computed before the payment', 'whether');
    expect(list).not.toBeNull();
    const past = tokens.findIndex((t) => t.raw === 'past');
    const before = tokens.findIndex((t) => t.raw === 'before');
    const later = tokens.findIndex((t) => t.raw === 'later');
    expect(saidOfEntry(tokens, list!, [past, past + 1])).toBe(false);
    expect(saidOfEntry(tokens, list!, [before, before + 1])).toBe(true);
    expect(saidOfEntry(tokens, list!, [later, later + 1])).toBe(true);
    expect(list!.own).toBe(2);
    expect(at).toBeGreaterThan(past);
  });
  it("the lead-in holds a near word for later entries, not for the lead-in's own entry", () => {
    const { tokens, list } = around('features are the amount, the country, the device, and whether it was later refunded', 'whether');
    expect(tokens[0]!.raw).toBe('features');
    expect(inLeadIn(list!, [0, 1])).toBe(true);
    const first = around('features are whether it was later refunded, the amount, the country', 'whether');
    expect(inLeadIn(first.list!, [0, 1])).toBe(false);
  });
});
