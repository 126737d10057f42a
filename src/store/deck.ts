import { rename } from 'node:fs/promises';
import { State } from 'ts-fsrs';
import { z } from 'zod';
import { writeFileAtomic, type WriteFn } from '../files/atomic.js';
import { asReadError, readTextFile } from '../files/read.js';
import { DECK_SCHEMA, emptyDeck, type Deck } from '../progress/drill.js';
import { sanitizeDeep } from '../text/sanitize.js';

/**
 * The drill deck on disk (<data>/drill.json): the user's spaced-repetition progress, validated on
 * read. A deck that cannot be used is never overwritten: it is moved aside with a timestamp and the
 * user is told where it is, then a new deck starts.
 */

const MAX_DECK_BYTES = 50_000_000;

const time = z.iso.datetime({ offset: true });
const card = z.looseObject({
  itemId: z.string(),
  prompt: z.string(),
  missedAt: z.string(),
  fsrs: z.looseObject({
    due: time,
    last_review: time.optional(),
    stability: z.number(),
    difficulty: z.number(),
    elapsed_days: z.number(),
    scheduled_days: z.number(),
    learning_steps: z.number(),
    reps: z.number(),
    lapses: z.number(),
    state: z.enum(State),
  }),
});
const deckFile = z.looseObject({ schema: z.literal(DECK_SCHEMA), cards: z.record(z.string(), card) });

export interface LoadedDeck {
  deck: Deck;
  /** Set when the file on disk could not be used: what happened to it, for a warning. */
  warning?: string;
}

/** The deck at `file`; a missing file is an empty deck, a damaged one is kept aside and replaced. */
export async function loadDeck(file: string, now: Date): Promise<LoadedDeck> {
  let problem: string;
  try {
    const result = deckFile.safeParse(JSON.parse(await readTextFile(file, { maxBytes: MAX_DECK_BYTES })));
    if (result.success) {
      const deck: Deck = { schema: DECK_SCHEMA, cards: result.data.cards };
      return { deck: sanitizeDeep(deck).value };
    }
    const first = result.error.issues[0]!;
    problem = `not an mlsd drill deck (${first.path.map(String).join('.') || 'file'}: ${first.message})`;
  } catch (error) {
    const read = asReadError(file, error);
    if (read.code === 'ENOENT') return { deck: emptyDeck() };
    problem = error instanceof SyntaxError ? 'corrupt JSON' : read.reason;
  }
  const aside = `${file}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
  try {
    await rename(file, aside);
  } catch (error) {
    throw asReadError(file, new Error(`${problem}, and it could not be moved aside (${asReadError(aside, error).reason}); move or fix it, then run drill again`));
  }
  return { deck: emptyDeck(), warning: `${file} could not be used (${problem}); it was kept as ${aside} and a new deck was started` };
}

/** Saves the deck atomically. */
export async function saveDeck(file: string, deck: Deck, write?: WriteFn): Promise<void> {
  await writeFileAtomic(file, JSON.stringify(deck, null, 2), { write });
}
