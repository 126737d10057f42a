import { describe, expect, it } from 'vitest';
import { topicMatcher } from '../../src/scoring/topics.js';
import { builtinCatalog, scoreBuiltin } from '../helpers/builtin.js';

// A clarifying answer that asks several things: each item's evidence is the question (or statement)
// that earned it, never the neighbouring question (tryout 7, fault 13). The head of a question asks;
// the options after its dash or colon are answers it offers, not topics of their own.
const evidence = (prompt: string, clarify: string, id: string) =>
  scoreBuiltin(prompt, `## Clarify\n${clarify}\n`)
    .stages.flatMap((s) => s.items)
    .find((i) => i.id === id)!;

describe('clarifying questions that ask two things', () => {
  const cases: Array<[prompt: string, clarify: string, id: string, notFrom: string]> = [
    ['ad-click-prediction', 'What is the objective: revenue, or clicks per daily active user? How many ad requests per second at peak?', 'scale', 'What is the objective'],
    ['video-recommendation', 'What is the north star — watch time or daily active users? How many videos are uploaded per day?', 'scale', 'What is the north star'],
    ['fraud-detection', 'What is the goal — fewer chargebacks or more approved payments per day? How many payments per second?', 'scale', 'What is the goal'],
  ];
  it.each(cases)('%s: %s gives %s its own question as evidence', (prompt, clarify, id, notFrom) => {
    const item = evidence(prompt, clarify, id);
    expect(item.status).toBe('covered');
    expect(item.evidence).not.toContain(notFrom);
  });

  it('still credits an item said only inside another question', () => {
    // A figure, so the option states scale; the metric's name alone ("daily active users") is no scale.
    const item = evidence('video-recommendation', 'What is the north star — watch time, or DAU across our 300M users?', 'scale');
    expect(item.status).toBe('covered');
  });
});

describe('a question is routed by its head, the options after its dash or colon aside', () => {
  const route = (prompt: string, question: string) => topicMatcher(builtinCatalog.prompts.get(prompt)!.value.clarifications ?? [])(question)?.topic;
  it.each([
    ['video-recommendation', 'What is the business goal — watch time or daily active users?', 'business-goal'],
    ['ad-click-prediction', 'What is the objective: revenue, or clicks per daily active user?', 'business-goal'],
    // A head that reaches no topic leaves the whole question to route.
    ['video-recommendation', 'One more thing: how many users are there?', 'scale'],
    ['video-recommendation', 'How many users and videos?', 'scale'],
  ])('%s: %s -> %s', (prompt, question, topic) => {
    expect(route(prompt, question)).toBe(topic);
  });
});
