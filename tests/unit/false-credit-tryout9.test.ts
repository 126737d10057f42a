import { describe, expect, it } from 'vitest';
import { statusOf, type Case } from '../helpers/stage-cases.js';

// Tryout 9 (4): "targeting" (of ads, of users) shared the stem of "target", so "ads are filtered by
// targeting" defined the label. A target variable still does.
describe('campaign targeting is no target variable', () => {
  const none: Case[] = [
    ['ad-click-prediction', 'Data', 'Ads are filtered by targeting.'],
    ['ad-click-prediction', 'Data', 'Targeted campaigns are the only ones we log.'],
    ['notification-ranking', 'Data', 'Pushes are targeted by segment rules today.'],
  ];
  it.each(none)('no label definition: %s / %s / %s', (prompt, stage, text) => {
    expect(statusOf(prompt, stage, text, 'labels')).toBe('missed');
  });
  const labels: Case[] = [
    ['ad-click-prediction', 'Data', 'The target is a click within 30 minutes of a viewed impression.'],
    ['eta-prediction', 'Data', 'Our target is minutes from order to handoff, and labels come from delivery logs.'],
  ];
  it.each(labels)('label definition: %s / %s / %s', (prompt, stage, text) => {
    expect(statusOf(prompt, stage, text, 'labels')).toBe('covered');
  });
});
