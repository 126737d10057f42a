import { createEmptyCard, fsrs, generatorParameters, Rating, type Card, type Grade } from 'ts-fsrs';
import type { ItemResult } from '../scoring/report.js';
import type { SessionSummary } from '../store/summary.js';
import { isOwnSession } from './own-sessions.js';

/**
 * Spaced repetition over the checklist items you miss. A card is keyed by the item's stable id, so
 * rewording a rubric keeps your progress. Pure: the deck goes in, the next deck comes out.
 */

export const DECK_SCHEMA = 1;

export interface StoredCard {
  itemId: string;
  /** The prompt the item was last missed in: the drill asks it in that context. */
  prompt: string;
  /** FSRS state; dates as ISO strings so the deck is plain JSON. */
  fsrs: Omit<Card, 'due' | 'last_review'> & { due: string; last_review?: string };
  missedAt: string;
}

export interface Deck {
  schema: typeof DECK_SCHEMA;
  cards: Record<string, StoredCard>;
}

export const emptyDeck = (): Deck => ({ schema: DECK_SCHEMA, cards: {} });

const scheduler = fsrs(generatorParameters({ enable_fuzz: false }));

function store(card: Card): StoredCard['fsrs'] {
  const { due, last_review, ...rest } = card;
  return { ...rest, due: due.toISOString(), ...(last_review ? { last_review: last_review.toISOString() } : {}) };
}

function revive(stored: StoredCard['fsrs']): Card {
  const { due, last_review, ...rest } = stored;
  return { ...rest, due: new Date(due), ...(last_review ? { last_review: new Date(last_review) } : {}) } as Card;
}

/**
 * Every item missed, ruled out or needing prompting in one of the user's own sessions becomes a card
 * (once); peer interviews the user marked as the interviewer are the candidate's, not the user's.
 */
export function syncDeck(deck: Deck, sessions: readonly SessionSummary[], now: Date): Deck {
  const cards = { ...deck.cards };
  const oldestFirst = sessions.filter(isOwnSession).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (const session of oldestFirst) {
    for (const item of session.notCovered) {
      const existing = cards[item.id];
      if (existing) {
        cards[item.id] = { ...existing, prompt: session.prompt };
        continue;
      }
      cards[item.id] = { itemId: item.id, prompt: session.prompt, fsrs: store(createEmptyCard(now)), missedAt: session.createdAt };
    }
  }
  return { ...deck, cards };
}

/** Cards due now, most overdue first; with `all`, every card, soonest first. */
export function dueCards(deck: Deck, now: Date, options: { all?: boolean; limit?: number } = {}): StoredCard[] {
  const cards = Object.values(deck.cards)
    .filter((c) => options.all || new Date(c.fsrs.due) <= now)
    .sort((a, b) => a.fsrs.due.localeCompare(b.fsrs.due) || a.itemId.localeCompare(b.itemId));
  return cards.slice(0, options.limit ?? cards.length);
}

/**
 * The prompts a card can be asked in, best first: the prompt it was last missed in, then the prompts of the
 * user's other own sessions that missed the item, newest first (each once). The drill takes the first one
 * still installed whose rubrics hold the item, so a card whose last prompt came from a removed pack is asked
 * in another prompt rather than skipped; a framework item holds in every prompt.
 */
export function cardPrompts(card: StoredCard, sessions: readonly SessionSummary[]): string[] {
  const newestFirst = sessions.filter(isOwnSession).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const missedIn = newestFirst.filter((s) => s.notCovered.some((item) => item.id === card.itemId)).map((s) => s.prompt);
  return [...new Set([card.prompt, ...missedIn])];
}

/** How well a drill answer did, as an FSRS grade: explained well is Good, listed is Hard. */
export function gradeFor(result: Pick<ItemResult, 'status' | 'depth' | 'matched'>): Grade {
  if (result.status !== 'covered') return Rating.Again;
  if (result.depth === 'mention') return Rating.Hard;
  return result.matched.length >= 2 ? Rating.Easy : Rating.Good;
}

export function review(deck: Deck, itemId: string, grade: Grade, now: Date): { deck: Deck; due: Date } {
  const card = deck.cards[itemId];
  if (!card) throw new Error(`no card ${itemId}`);
  const next = scheduler.next(revive(card.fsrs), now, grade).card;
  return { deck: { ...deck, cards: { ...deck.cards, [itemId]: { ...card, fsrs: store(next) } } }, due: next.due };
}

export const GRADE_LABEL: Record<number, string> = { [Rating.Again]: 'again', [Rating.Hard]: 'hard', [Rating.Good]: 'good', [Rating.Easy]: 'easy' };
