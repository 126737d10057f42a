import { join } from 'node:path';
import { ExitPromptError } from '@inquirer/core';
import { rubricsFor } from '../content/scope.js';
import { EXIT } from '../errors.js';
import { cardPrompts, dueCards, gradeFor, GRADE_LABEL, review, syncDeck, type Deck, type StoredCard } from '../progress/drill.js';
import { loadDeck, saveDeck } from '../store/deck.js';
import { WriteError } from '../files/atomic.js';
import { compileRubrics } from '../scoring/compile.js';
import { scoreAnswers } from '../scoring/score.js';
import { sessionsDir } from '../store/session-files.js';
import { answerPrompt } from '../ui/answer-prompt.js';
import { renderCard, renderCardResult, renderSkippedCard } from '../ui/drill-view.js';
import { renderWarning } from '../ui/notices.js';
import { loadAll, reportLoadProblems } from './load-content.js';
import { loadSessionList } from './session-list.js';
import { printLines, requireTerminal, stderrStyle, stderrWidth, stdoutStyle, terminalWidth, type GlobalOptions, type Io } from './command-io.js';
import { isDumbTerminal } from '../ui/style.js';
import { plural } from '../text/plural.js';

export interface DrillOptions extends GlobalOptions {
  all?: boolean;
  limit: number;
}

/** Time for one drill answer: a follow-up deserves a minute or two, not an essay. */
const CARD_MS = 3 * 60_000;

export async function drillCommand(options: DrillOptions, io: Io): Promise<number> {
  requireTerminal(io, 'mlsd drill', 'See what you miss most with: mlsd stats');
  const loaded = await loadAll(io, options);
  reportLoadProblems(loaded, io, options);
  const deckFile = join(loaded.paths.data, 'drill.json');
  const style = stdoutStyle(io, options);
  const width = terminalWidth(io);
  const stored = await loadDeck(deckFile, io.now());
  if (stored.warning) io.stderr.write(`${renderWarning(stored.warning, stderrStyle(io, options), stderrWidth(io))}\n`);
  const sessions = (await loadSessionList(sessionsDir(loaded.paths.data), io, options)).summaries;
  let deck = syncDeck(stored.deck, sessions, io.now());
  const saver = deckSaver(deckFile, io, options);
  const save = () => saver.save(deck);
  await save();
  // A card is asked in the first installed prompt that holds its item (see cardPrompts); one no installed
  // prompt holds is skipped with a note and does not count against --limit.
  const contextOf = (card: StoredCard) => {
    for (const id of [...cardPrompts(card, sessions), ...loaded.catalog.prompts.keys()]) {
      const prompt = loaded.catalog.prompts.get(id)?.value;
      if (!prompt) continue;
      const rubric = rubricsFor(loaded.catalog, prompt).find((r) => r.items.some((i) => i.id === card.itemId));
      const item = rubric?.items.find((i) => i.id === card.itemId);
      if (rubric && item) return { card, prompt, rubric, item };
    }
    return null;
  };
  const due = dueCards(deck, io.now(), { all: options.all });
  const playable = due.map(contextOf).filter((c): c is NonNullable<ReturnType<typeof contextOf>> => c !== null);
  for (const card of due) if (!playable.some((c) => c.card === card)) printLines(io, [renderSkippedCard(card.itemId, card.prompt, style)]);
  const cards = playable.slice(0, options.limit ?? playable.length);
  if (cards.length === 0) {
    const total = Object.keys(deck.cards).length;
    const next = dueCards(deck, io.now(), { all: true })[0];
    io.stdout.write(
      total === 0
        ? 'No cards yet: items you miss in `mlsd practice` or `mlsd score --save` become drill cards.\n'
        : due.length > 0
          ? 'No due card can be asked: the prompts that hold their items are no longer installed.\n'
          : `Nothing is due. The next card is due ${next!.fsrs.due.slice(0, 16).replace('T', ' ')} UTC; \`mlsd drill --all\` practises anyway.\n`,
    );
    return EXIT.ok;
  }
  let done = 0;
  for (const [index, { card, prompt, rubric, item }] of cards.entries()) {
    printLines(io, renderCard({ index: index + 1, total: cards.length, label: item.label, promptTitle: prompt.title, promptText: prompt.prompt, followUp: item.followUp, ...(loaded.catalog.prompts.has(card.prompt) ? {} : { missedIn: card.prompt }) }, style, width));
    let text: string;
    try {
      const now = Date.now();
      // One clock, the card's own: the box says "left for this card", never "stage".
      text = (await answerPrompt({ label: 'Your answer', mode: 'multi', style, now: Date.now, deadline: now + CARD_MS, stageDeadline: now + CARD_MS, plain: isDumbTerminal(io.env), timer: 'card' })).text;
    } catch (error) {
      if (error instanceof ExitPromptError) {
        io.stdout.write(`\nStopped after ${plural(done, 'card')}${saver.saving() ? '; progress is saved' : ''}.\n`);
        return EXIT.interrupted;
      }
      throw error;
    }
    const scope = compileRubrics([{ ...rubric, items: [item], redFlags: [] }]);
    const result = scoreAnswers({ prompt, scope, answers: { sections: {}, general: text }, level: 'staff' }).stages.flatMap((s) => s.items)[0]!;
    const grade = gradeFor(result);
    const next = review(deck, card.itemId, grade, io.now());
    deck = next.deck;
    await save();
    done++;
    printLines(io, renderCardResult(result, item.hint, GRADE_LABEL[grade] ?? String(grade), saver.saving() ? next.due : null, style, width, text));
  }
  io.stdout.write(`\n${plural(done, 'card')} practised.\n`);
  // As `score --save` reports a save that failed: the ratings above were not kept, so the drill did not do its job.
  const failed = saver.failure();
  if (failed) {
    io.stderr.write(`mlsd: the drill's progress was not saved: ${failed.message}\n`);
    return EXIT.failure;
  }
  return EXIT.ok;
}

/**
 * Saves the deck after each card. A deck that cannot be written (a read-only data directory, a full disk)
 * does not stop the drill: the first failure is a warning on stderr, and later saves are skipped.
 * `saving()` is false once that happened, and `failure()` is that write's error (null while saving works).
 * Errors other than a failed write are thrown.
 */
export function deckSaver(file: string, io: Io, options: GlobalOptions): { save(deck: Deck): Promise<void>; saving(): boolean; failure(): WriteError | null } {
  let failure: WriteError | null = null;
  return {
    saving: () => failure === null,
    failure: () => failure,
    save: async (deck) => {
      if (failure) return;
      try {
        await saveDeck(file, deck, io.writeFile);
      } catch (error) {
        if (!(error instanceof WriteError)) throw error;
        failure = error;
        io.stderr.write(`${renderWarning(`${error.message}; the drill goes on, but its progress cannot be saved`, stderrStyle(io, options), stderrWidth(io))}\n`);
      }
    },
  };
}
