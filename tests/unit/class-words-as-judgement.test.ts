import { describe, expect, it } from 'vitest';
import { judgementOnly } from '../../src/scoring/class-sense.js';
import { analyze } from '../../src/scoring/analyze.js';
import { statusOf } from '../helpers/stage-cases.js';

// "Positive" and "negative" as a judgement ("the impact on revenue is negative", "we are positive about
// the launch") are no class labels; label talk ("negatives are ...", "a positive is a click", "label it
// positive", "the positive class") is (scoring/class-sense.ts).

type Case = [prompt: string, stage: string, text: string];

describe('positive or negative as a judgement earns no label definition', () => {
  it.each<Case>([
    ['ad-click-prediction', 'Evaluation', 'The impact on revenue is negative.'],
    ['news-feed', 'Evaluation', 'The effect on engagement could be positive or negative.'],
    ['video-recommendation', 'Clarify', 'We are positive about the launch.'],
    ['fraud-detection', 'Evaluation', 'Early feedback from merchants was positive.'],
    ['search-ranking', 'Evaluation', 'We see the new ranking as positive for shoppers.'],
    ['ad-click-prediction', 'Clarify', 'Revenue growth was negative last quarter.'],
    ['notification-ranking', 'Monitoring', 'Sentiment about the notifications is negative.'],
  ])('%s / %s: %j', (prompt, stage, text) => {
    expect(statusOf(prompt, stage, text, 'labels')).not.toBe('covered');
  });
});

describe('label talk still defines the labels', () => {
  it.each<Case>([
    ['ad-click-prediction', 'Data', 'Clicked impressions are positive, the rest are negative.'],
    ['news-feed', 'Data', 'A post is negative when the user hides it.'],
    ['fraud-detection', 'Data', 'We label a payment positive if a chargeback arrives within 90 days.'],
    ['harmful-content-detection', 'Data', 'The positive class is a report upheld by a moderator.'],
    ['ad-click-prediction', 'Data', 'A positive is a click within 30 minutes of the impression.'],
    ['notification-ranking', 'Data', 'Feedback is negative when the user dismisses the notification.'],
  ])('%s / %s: %j', (prompt, stage, text) => {
    expect(statusOf(prompt, stage, text, 'labels')).toBe('covered');
  });
});

describe('judgementOnly reads the class words of a match', () => {
  const whole = (text: string) => {
    const { tokens } = analyze(text);
    return judgementOnly(tokens, 0, tokens.length);
  };
  it('a match with no class word is no judgement', () => {
    expect(whole('The impact on revenue is large.')).toBe(false);
  });
  it('a negative impact and a net positive are judgements; a negative example is not', () => {
    expect(whole('A negative impact on retention')).toBe(true);
    expect(whole('a net positive for users')).toBe(true);
    expect(whole('a negative example')).toBe(false);
  });
});
