import { describe, expect, it } from 'vitest';
import { scoreBuiltin } from '../helpers/builtin.js';

// Feedback that would mislead a candidate (tryout 5, section A), fixed per kind: each kind is tested
// with phrasings of our own, on more than one prompt, and with sentences that must NOT trigger it.
const flagsOf = (prompt: string, stage: string, text: string): string[] =>
  scoreBuiltin(prompt, `## ${stage}\n${text}\n`).redFlags.map((f) => f.id);

describe('a random split is flagged whatever reason follows it', () => {
  const mistakes = [
    'We do a random 80/20 train/test split so both sets look alike.',
    'We shuffle all transactions and split them 80/20, which keeps both sets the same.',
    'A random split keeps train and test similar in both class balance and size.',
    'We split randomly so the positive rate is equal in both train and test.',
  ];
  const corrections = [
    'A random split would put future rows in both sets, so we split by time.',
    'A random split puts the same user in train and test, so we split by user instead.',
    'We split by time: train on the first three weeks, test on the fourth.',
    'In a random split the same post, reposted many times, goes in train and test.',
  ];
  for (const prompt of ['fraud-detection', 'ad-click-prediction', 'news-feed']) {
    it.each(mistakes)(`fires on ${prompt}: %s`, (text) => {
      expect(flagsOf(prompt, 'Data', text)).toContain('random-split-temporal-data');
    });
    it.each(corrections)(`stays quiet on ${prompt}: %s`, (text) => {
      expect(flagsOf(prompt, 'Data', text)).not.toContain('random-split-temporal-data');
    });
  }
});
