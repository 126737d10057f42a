import { describe, expect, it } from 'vitest';
import { scoreBuiltin } from '../helpers/builtin.js';

// A topic lead-in keeps its word in notes ("Metrics:", "Features:", "Drift:", sections.ts TOPIC_HEADINGS),
// and a bare list after it is still a bare list: the copula the reader puts after a note label ("metrics
// is ...") is not the writer's verb (reading/claims.ts, labelledList; scoring/score.ts, isListOnly).

/** The report of one line of notes on its own (no heading: its lead-in names the stage). */
const scored = (prompt: string, line: string) => scoreBuiltin(prompt, `${line}\n`);
const flagsOfLine = (prompt: string, line: string): string[] => scored(prompt, line).redFlags.map((f) => f.id);

describe('a bare list after a topic lead-in is flagged as a list', () => {
  it.each([
    ['fraud-detection', 'Features: amount, merchant category, card age, country, device type.'],
    ['video-recommendation', 'Metrics: recall, NDCG, watch time, CTR.'],
    ['eta-prediction', 'Features: distance, time of day, restaurant, weather, courier.'],
    ['harmful-content-detection', 'Drift: score distribution, report rate, new slang, language mix.'],
    ['news-feed', 'Metrics: offline AUC of the ranker, NDCG, MRR, recall at k.'],
  ])('%s: %s', (prompt, line) => {
    expect(flagsOfLine(prompt, line)).toContain('list-instead-of-reasoning');
  });
});

describe('a statement after a topic lead-in is no list', () => {
  it.each([
    ['fraud-detection', "Features: we compare the amount with the card's usual spend, because fraud breaks the pattern."],
    ['eta-prediction', 'Labels: the actual delivery duration, measured from order to drop-off.'],
    ['news-feed', 'Metrics: we gate launches on NDCG at 10 offline and on session time online.'],
    ['video-recommendation', 'Retraining: nightly on the last 30 days, since tastes move with new uploads.'],
  ])('%s: %s', (prompt, line) => {
    expect(flagsOfLine(prompt, line)).not.toContain('list-instead-of-reasoning');
  });
});

describe('the lead-in still names the topic', () => {
  it('"Labels:" before a measured target earns the label definition; "Features:" before a list earns features', () => {
    const status = (prompt: string, line: string, item: string) => scored(prompt, line).stages.flatMap((s) => s.items).find((i) => i.id === item)?.status;
    expect(status('eta-prediction', 'Labels: the actual delivery duration, measured from order to drop-off.', 'labels')).toBe('covered');
    expect(status('fraud-detection', 'Features: amount, merchant category, card age, country, device type.', 'features')).toBe('covered');
  });
});
