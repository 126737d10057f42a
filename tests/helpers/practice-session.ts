import { rubricsFor } from '../../src/content/catalog.js';
import { createInterview } from '../../src/interview/interview-machine.js';
import { compileRubrics } from '../../src/scoring/compile.js';
import type { SessionRecord } from '../../src/store/session-record.js';
import { builtinCatalog } from './builtin.js';

/** An interrupted practice session of news-feed (or, named `promptId`, of a prompt mlsd does not have), a clarifying question asked and an answer typed; `killed`: saved as active, as a killed mlsd leaves it. */
export function interruptedPractice(id: string, promptId = 'news-feed', killed = false): SessionRecord {
  const prompt = builtinCatalog.prompts.get('news-feed')!.value;
  const interview = createInterview(prompt, compileRubrics(rubricsFor(builtinCatalog, prompt)));
  let state = interview.start({ id, level: 'senior', durationMinutes: 10, now: 0, createdAt: '2026-01-01T10:00:00.000Z' }).state;
  state = interview.reduce(state, { type: 'draft', text: 'How many users?' }).state;
  // A killed mlsd (kill -9) leaves its session saved as active.
  if (!killed) state = interview.reduce(state, { type: 'interrupt', now: 3000 }).state;
  return { id, kind: 'practice', createdAt: '2026-01-01T10:00:00.000Z', updatedAt: '2026-01-01T10:00:00.000Z', prompt: promptId, level: 'senior', status: state.status, answers: interview.answerSet(state), interview: state };
}
