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
