import { Rating } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { cardPrompts, dueCards, emptyDeck, gradeFor, review, syncDeck } from '../../src/progress/drill.js';
import { summarize } from '../../src/store/summary.js';
import { score } from '../helpers/rubric.js';

const now = new Date('2026-03-01T10:00:00.000Z');
const session = (id: string, text: string, createdAt: string) =>
  summarize(
    {
      id, kind: 'score', createdAt, updatedAt: createdAt, prompt: 'test-prompt', level: 'senior', status: 'finished',
      answers: { sections: { model: text } }, report: score({ sections: { model: text } }),
    },
    {},
  );

describe('drill cards', () => {
  const deck = syncDeck(emptyDeck(), [session('a', 'We start with a logistic regression baseline.', '2026-02-01T00:00:00.000Z')], now);

  it('makes one card per missed item, keyed by item id, and none for covered items', () => {
    expect(deck.cards.baseline).toBeUndefined();
    expect(deck.cards.drift).toMatchObject({ itemId: 'drift', prompt: 'test-prompt' });
    const again = syncDeck(deck, [session('b', 'We use a neural network.', '2026-02-02T00:00:00.000Z')], now);
    expect(again.cards.drift).toEqual(deck.cards.drift);
    expect(again.cards.baseline).toMatchObject({ itemId: 'baseline', prompt: 'test-prompt' });
  });

  it('schedules with FSRS: new cards are due, a good answer pushes the card out, a miss brings it back soon', () => {
    expect(dueCards(deck, now).length).toBe(Object.keys(deck.cards).length);
    const good = review(deck, 'drift', Rating.Good, now);
    const again = review(deck, 'drift', Rating.Again, now);
    expect(good.due.getTime()).toBeGreaterThan(again.due.getTime());
    expect(dueCards(good.deck, now).map((c) => c.itemId)).not.toContain('drift');
    expect(dueCards(good.deck, now, { all: true }).map((c) => c.itemId)).toContain('drift');
    const later = review(good.deck, 'drift', Rating.Good, good.due);
    expect(later.due.getTime() - good.due.getTime()).toBeGreaterThan(good.due.getTime() - now.getTime());
  });

  it('is deterministic and survives a JSON round trip', () => {
    const a = review(deck, 'drift', Rating.Good, now).deck;
    const b = review(JSON.parse(JSON.stringify(deck)), 'drift', Rating.Good, now).deck;
    expect(b).toEqual(a);
  });

  it('grades an answer by what the scorer found', () => {
    expect(gradeFor({ status: 'missed', depth: null, matched: [] })).toBe(Rating.Again);
    expect(gradeFor({ status: 'covered', depth: 'mention', matched: ['drift'] })).toBe(Rating.Hard);
    expect(gradeFor({ status: 'covered', depth: 'statement', matched: ['drift'] })).toBe(Rating.Good);
    expect(gradeFor({ status: 'covered', depth: 'statement', matched: ['drift', 'distribution shift'] })).toBe(Rating.Easy);
  });
});

describe('the prompts a card can be asked in', () => {
  const older = { ...session('a', 'We use a neural network.', '2026-02-01T00:00:00.000Z'), prompt: 'fraud-detection' };
  const newer = { ...session('b', 'We use a neural network.', '2026-02-03T00:00:00.000Z'), prompt: 'pack-prompt' };
  const covered = { ...session('c', 'We start with a logistic regression baseline.', '2026-02-02T00:00:00.000Z'), prompt: 'news-feed' };
  const deck = syncDeck(emptyDeck(), [older, covered, newer], now);

  it('starts with the prompt the item was last missed in, then the other prompts that missed it, newest first', () => {
    expect(deck.cards.baseline!.prompt).toBe('pack-prompt');
    expect(cardPrompts(deck.cards.baseline!, [older, covered, newer])).toEqual(['pack-prompt', 'fraud-detection']);
  });

  it('leaves out prompts whose session covered the item, and names each prompt once', () => {
    const again = { ...session('d', 'We use a neural network.', '2026-02-04T00:00:00.000Z'), prompt: 'fraud-detection' };
    expect(cardPrompts(deck.cards.baseline!, [older, covered, newer, again])).toEqual(['pack-prompt', 'fraud-detection']);
  });
});
