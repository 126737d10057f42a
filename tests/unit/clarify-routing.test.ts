import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog, type SourceFile } from '../../src/content/catalog.js';
import { CANDIDATES_CALL, clarifyMatcher, NOTED } from '../../src/interview/clarify.js';
import { isQuestion } from '../../src/reading/questions.js';

const root = new URL('../..', import.meta.url).pathname;
const read = (kind: 'prompt' | 'rubric', dir: string): SourceFile[] =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ kind, file: f, text: readFileSync(join(root, dir, f), 'utf8'), origin: 'built-in' as const }));
const catalog = buildCatalog([...read('rubric', 'rubrics'), ...read('prompt', 'prompts')]);
const topicOf = (prompt: string, question: string) => clarifyMatcher(catalog.prompts.get(prompt)!.value).reply(question).topic;

describe('a line phrased as a question', () => {
  it.each([
    ['how many payments per second', true],
    ['is this global', true],
    ['any existing model', true],
    ['What about cold start?', true],
    ['Roughly how many users', true],
    ['I assume we have click logs.', false],
    ['How I would approach it: start simple.', false],
    ['We need a baseline', false],
  ])('%j is a question: %s', (text, expected) => {
    expect(isQuestion(text)).toBe(expected);
  });
});

describe('clarifying questions go to the fact they are about', () => {
  it.each([
    ['fraud-detection', "What's the cost of a false decline vs a missed fraud?", 'cost-of-errors'],
    ['fraud-detection', 'what happens when we decline a payment', 'decisions-and-actions'],
    ['fraud-detection', 'how many payments per second at peak', 'scale'],
    ['video-recommendation', 'is this global?', 'languages-regions'],
    ['notification-ranking', 'any existing model?', 'current-system'],
  ])('%s: %j -> %s', (prompt, question, topic) => {
    const known = catalog.prompts.get(prompt)!.value.clarifications.map((c) => c.topic);
    expect(known).toContain(topic);
    expect(topicOf(prompt, question)).toBe(topic);
  });

  it('answers a question it has no fact for as the candidate\'s call, even without a question mark', () => {
    const matcher = clarifyMatcher(catalog.prompts.get('fraud-detection')!.value);
    expect(matcher.reply('can we use gpus for training')).toEqual({ topic: null, answer: CANDIDATES_CALL });
    expect(matcher.reply('I will assume GPUs are available.')).toEqual({ topic: null, answer: NOTED });
  });
});

// "What is the goal?" got "that's your call" in most prompts: one word of a topic was not enough, and only a few
// prompts had the whole pattern. A short question about one topic alone now reaches it, in every built-in prompt.
describe('short, generic questions about the goal and the success metric', () => {
  const prompts = [...catalog.prompts.keys()];
  it('finds the fifteen built-in prompts', () => expect(prompts.length).toBeGreaterThanOrEqual(15));

  it.each(['What is the goal?', "What's the goal?", 'What are the goals?', 'Goal?', 'what is the main goal'])('%j -> business-goal, in every prompt', (question) => {
    for (const prompt of prompts) expect([prompt, topicOf(prompt, question)]).toEqual([prompt, 'business-goal']);
  });

  it.each(['What is the success metric?', 'What is the metric?', 'Which metric?', 'How do we define success?', 'What does success look like?', 'What is success?'])('%j -> success-metric, in every prompt but one with its own reading', (question) => {
    // harmful-content-detection: its user-actions fact has the whole pattern "like" (likes on a post), which "look like" says.
    for (const prompt of prompts.filter((p) => !(p === 'harmful-content-detection' && /look like/.test(question)))) {
      expect([prompt, topicOf(prompt, question)]).toEqual([prompt, 'success-metric']);
    }
  });

  it('"What is the objective?" is the business goal where "objective" is the goal\'s word alone', () => {
    expect(topicOf('ad-click-prediction', 'What is the objective?')).toBe('business-goal');
    // In street-view-blurring, "objects" are what gets blurred: the word is two topics', so it stays the candidate's call.
    expect(topicOf('street-view-blurring', 'What is the objective?')).toBeNull();
  });

  it('is not taken for a short question with words of another topic or of none', () => {
    for (const prompt of prompts) {
      expect([prompt, topicOf(prompt, 'What is the ML objective?')]).toEqual([prompt, null]); // the candidate's to frame
      expect([prompt, topicOf(prompt, 'What do we know?')]).toEqual([prompt, null]);
    }
    expect(topicOf('ad-click-prediction', 'What is the goal latency?')).toBe('latency');
  });
});

describe('"What is the goal?" in a practice interview', () => {
  it('gets the business goal as its answer, and the question earns the business objective', async () => {
    const { rubricsFor } = await import('../../src/content/scope.js');
    const { compileRubrics } = await import('../../src/scoring/compile.js');
    const { createInterview } = await import('../../src/interview/interview-machine.js');
    const prompt = catalog.prompts.get('video-recommendation')!.value;
    const interview = createInterview(prompt, compileRubrics(rubricsFor(catalog, prompt)));
    let { state } = interview.start({ id: 'm8p41aaaaaaa', level: 'senior', durationMinutes: 45, now: 0, createdAt: '2026-01-01T10:00:00.000Z' });
    const asked = interview.reduce(state, { type: 'ask', text: 'What is the goal?', now: 60_000 });
    state = asked.state;
    const goal = prompt.clarifications.find((c) => c.topic === 'business-goal')!;
    expect(asked.messages.map((m) => m.text)).toContain(goal.answer);
    expect(asked.messages.map((m) => m.text)).not.toContain(CANDIDATES_CALL);
    const clarify = interview.score(state).stages.find((s) => s.id === 'clarify')!;
    expect(clarify.items.find((i) => i.id === 'business-objective')!.status).toBe('covered');
  });
});
