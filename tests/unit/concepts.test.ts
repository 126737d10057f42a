import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/reading/claims.js';
import { tokenize } from '../../src/reading/tokens.js';
import { compilePhrase, MatchIndex } from '../../src/scoring/phrase.js';

const found = (concept: string, text: string) => new MatchIndex(analyze(text).tokens).find(compilePhrase(concept)).length > 0;

describe('concepts match their words in any order within a clause', () => {
  it.each([
    ['@data-source', 'Clicks come from the impression logs.'],
    ['@data-source', 'From the impression logs we take every row.'],
    ['@time-split', 'Training uses the weeks before a cutoff date, validation the days after it.'],
    ['@precompute-serve', 'Lists are computed ahead of time and served from a cache.'],
    ['@simple-start', 'Start simple with a popularity ranking.'],
    ['@goal-statement', 'Goal: fewer late orders.'],
    ['@online-measure', 'Online, we watch the click rate and revenue.'],
    ['@leakage-guard', 'Split by time, never at random.'],
    ['@business-measure', 'KPIs: on-time rate and refunds.'],
    ['@business-measure', 'What the product team tracks is time spent per visit.'],
    ['@online-measure', 'Online: a test on 5% of accounts. Primary: share of chats closed without a ticket.'],
  ])('%s in %j', (concept, text) => {
    expect(found(concept, text)).toBe(true);
  });

  it.each([
    ['@data-source', 'We use log loss offline.'],
    ['@goal-statement', 'The training objective is log loss.'],
    ['@task-type', 'A multi-stage model ranks posts.'],
    ['@exploration-data', 'We label a random sample of posts.'],
    ['@online-measure', 'Online serving handles 10k requests per second.'],
    ['@time-split', 'We test the model and ship it after review.'],
    ['@business-measure', 'We track latency and error rate on a dashboard.'],
    ['@online-measure', 'We compare engagement between the two groups online.'],
  ])('not %s in %j', (concept, text) => {
    expect(found(concept, text)).toBe(false);
  });

  it('an unknown concept matches nothing', () => {
    expect(found('@no-such-concept', 'anything at all')).toBe(false);
  });
});

describe('the lexicon', () => {
  const words = (text: string) => tokenize(text).map((t) => t.raw).join(' ');
  it.each([
    ['biz goal = revenue', 'business goal is revenue'],
    ['feats: txn amount w/ prev txns', 'features transactions amount with previous transactions'],
    ['root mean squared error', 'rmse'],
    ['normalized DCG', 'ndcg'],
    ['P(click | user)', 'probability of click user'],
    ['pos bias', 'position bias'],
    ['w1 and w2', 'w 1 and w 2'],
    ['a privacy leak', 'a privacyleak'],
  ])('%j reads %j', (text, expected) => {
    expect(words(text)).toBe(expected);
  });

  it('keeps acronyms that spell English words from matching the word', () => {
    expect(tokenize('We fine-tune a FAIR checkpoint.').find((t) => t.raw === 'fair')?.name).toBe(true);
    expect(tokenize('FAIRNESS AND BIAS').some((t) => t.name)).toBe(false); // a shouted heading
  });
});
