import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyDeck, syncDeck } from '../../src/progress/drill.js';
import { loadDeck, saveDeck } from '../../src/store/deck.js';
import { summarize } from '../../src/store/summary.js';
import { score } from '../helpers/rubric.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mlsd-deck-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const now = new Date('2026-03-01T10:00:00.000Z');
const deck = () =>
  syncDeck(emptyDeck(), [summarize({ id: 'a', kind: 'score', createdAt: '2026-02-01T00:00:00.000Z', updatedAt: '2026-02-01T00:00:00.000Z', prompt: 'p', level: 'senior', status: 'finished', answers: { sections: { model: 'x' } }, report: score({ sections: { model: 'We use a neural network.' } }) }, {})], now);

describe('the drill deck on disk (issue 13.9)', () => {
  it('round-trips through its schema, and a missing file is an empty deck', async () => {
    const file = join(dir, 'drill.json');
    expect(await loadDeck(file, now)).toEqual({ deck: emptyDeck() });
    await saveDeck(file, deck());
    expect(await loadDeck(file, now)).toEqual({ deck: deck() });
  });

  it.each([
    ['corrupt JSON', '{ "schema": 1, "cards": {', 'corrupt JSON'],
    ['the wrong shape', JSON.stringify({ schema: 1, cards: { x: { itemId: 'x' } } }), 'not an mlsd drill deck (cards.x.prompt'],
    ['another format', JSON.stringify({ schema: 7, cards: {} }), 'not an mlsd drill deck (schema'],
  ])('a deck with %s is kept aside with a timestamp, never overwritten', async (_name, damaged, reason) => {
    const file = join(dir, 'drill.json');
    writeFileSync(file, damaged);
    const loaded = await loadDeck(file, now);
    expect(loaded.deck).toEqual(emptyDeck());
    const aside = `${file}.damaged-2026-03-01T10-00-00-000Z`;
    expect(loaded.warning).toMatch(new RegExp(`^${file} could not be used \\(`));
    expect(loaded.warning).toContain(reason);
    expect(loaded.warning).toMatch(new RegExp(`it was kept as ${aside} and a new deck was started$`));
    expect(readFileSync(aside, 'utf8')).toBe(damaged);
    await saveDeck(file, loaded.deck);
    expect(readdirSync(dir).sort()).toEqual(['drill.json', 'drill.json.damaged-2026-03-01T10-00-00-000Z']);
  });
});
