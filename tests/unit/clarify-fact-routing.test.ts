import { describe, expect, it } from 'vitest';
import { rubricsFor } from '../../src/content/catalog.js';
import { CANDIDATES_CALL, clarifyMatcher, NOTED } from '../../src/interview/clarify.js';
import { createInterview } from '../../src/interview/interview-machine.js';
import { CANDIDATES_CALL_FOR_INTERVIEWER, createPeerSheet } from '../../src/interview/peer-sheet.js';
import { compileRubrics } from '../../src/scoring/compile.js';
import { builtinCatalog } from '../helpers/builtin.js';

// Tryout 8, F8 and F15: a clarifying question about something a prompt's fact covers gets that fact,
// though no pattern of the fact says it ("can we hold a payment for review?"), and a stated assumption is
// acknowledged or answered with the fact it is about, never with an unrelated one. The words of each
// fact's answer count as the topic's words (scoring/topics.ts), for every prompt.

const promptOf = (id: string) => builtinCatalog.prompts.get(id)!.value;
const topicOf = (prompt: string, question: string) => clarifyMatcher(promptOf(prompt)).reply(question).topic;
const known = (prompt: string) => promptOf(prompt).clarifications.map((c) => c.topic);

describe('a question reaches the fact that answers it', () => {
  it.each([
    // The tryout's questions.
    ['fraud-detection', 'do we ever learn if a declined payment was fraud', 'data-and-labels'],
    ['fraud-detection', 'can we hold a payment for review?', 'decisions-and-actions'],
    ['fraud-detection', 'is there a team that reviews orders?', 'decisions-and-actions'],
    // Questions of our own, in the fact's words and not its patterns'.
    ['fraud-detection', 'can analysts look at suspicious orders before they ship?', 'decisions-and-actions'],
    ['fraud-detection', 'can we see why a payment was blocked?', 'constraints'],
    ['fraud-detection', 'do fraudsters change their tactics?', 'adversaries'],
    ['ad-click-prediction', 'can we use private messages as features?', 'privacy'],
    ['eta-prediction', 'where is the estimate shown?', 'product-surface'],
    ['news-feed', 'which posts can the feed show?', 'eligible-posts'],
    ['notification-ranking', 'is there a cap on pushes per day?', 'current-system'],
    ['notification-ranking', 'can we read message contents?', 'privacy'],
    ['rag-support-assistant', 'how much does an agent-handled conversation cost?', 'cost'],
    ['rag-support-assistant', 'can the assistant change account settings?', 'constraints'],
    ['search-ranking', 'are queries often misspelled?', 'queries'],
    ['visual-search', 'can private boards show up in results?', 'content-policy'],
    ['harmful-content-detection', 'can authors appeal a removal?', 'user-actions'],
    // Routes that held before and must still hold.
    ['fraud-detection', 'how long does it take to confirm fraud?', 'data-and-labels'],
    ['fraud-detection', 'how much does a chargeback cost us?', 'cost-of-errors'],
    ['ad-click-prediction', 'what latency do we need', 'latency'],
    ['eta-prediction', 'who assigns couriers to orders?', 'dispatch-and-couriers'],
    ['street-view-blurring', 'do we run models in the car?', 'compute'],
    ['video-search', 'do we have labelled query video pairs?', 'data'],
  ])('%s: %j -> %s', (prompt, question, topic) => {
    expect(known(prompt)).toContain(topic);
    expect(topicOf(prompt, question)).toBe(topic);
  });
});

describe('a stated assumption', () => {
  it.each([
    ['fraud-detection', 'I assume we focus on buyer card payments only.', 'out-of-scope'],
    ['fraud-detection', "I'll assume seller fraud is out of scope.", 'out-of-scope'],
    ['video-recommendation', 'I assume we focus on the homepage grid only.', 'scope-and-surface'],
    ['news-feed', 'I assume ads are out of scope.', 'scope-and-surface'],
    ['harmful-content-detection', 'I assume only public posts are in scope.', 'out-of-scope'],
    ['search-ranking', 'I assume queries are in English.', 'queries'],
    ['eta-prediction', 'I assume couriers are assigned by another team.', 'dispatch-and-couriers'],
  ])('%s: %j is answered with the fact it is about (%s)', (prompt, statement, topic) => {
    expect(topicOf(prompt, statement)).toBe(topic);
  });

  it.each([
    ['fraud-detection', 'I assume we can use a gradient boosted model.'],
    ['fraud-detection', "Let's assume the model runs on a single machine."],
    ['ad-click-prediction', 'I assume we use logistic regression.'],
    ['video-recommendation', "I'll assume we use a two tower model."],
  ])('%s: %j, which no fact is about, is acknowledged', (prompt, statement) => {
    expect(clarifyMatcher(promptOf(prompt)).reply(statement)).toEqual({ topic: null, answer: NOTED });
  });
});

describe('a question no fact is about stays the candidate\'s call, in every prompt', () => {
  const prompts = [...builtinCatalog.prompts.keys()];
  it.each(['should we use a neural network', 'what model should we use?', 'can I use a transformer?', 'how should I evaluate the model?', 'is it ok to use deep learning here?'])('%j', (question) => {
    for (const prompt of prompts) expect([prompt, clarifyMatcher(promptOf(prompt)).reply(question)]).toEqual([prompt, { topic: null, answer: CANDIDATES_CALL }]);
  });

  it('"can we use gpus for training" is their call wherever no fact is about compute', () => {
    for (const prompt of prompts.filter((p) => !known(p).includes('compute'))) expect([prompt, topicOf(prompt, 'can we use gpus for training')]).toEqual([prompt, null]);
  });
});

describe('the same routing in practice and on the peer sheet', () => {
  const prompt = promptOf('fraud-detection');
  const scope = compileRubrics(rubricsFor(builtinCatalog, prompt));
  const fact = (topic: string) => prompt.clarifications.find((c) => c.topic === topic)!.answer;

  it('practice reads out the decisions fact for "can we hold a payment for review?" and the labels fact for declined payments', () => {
    const interview = createInterview(prompt, scope);
    let { state } = interview.start({ id: 'm8fr00000000', level: 'senior', durationMinutes: 45, now: 0, createdAt: '2026-01-01T10:00:00.000Z' });
    const hold = interview.reduce(state, { type: 'ask', text: 'can we hold a payment for review?', now: 1_000 });
    expect(hold.messages.map((m) => m.text)).toEqual([fact('decisions-and-actions')]);
    state = hold.state;
    const declined = interview.reduce(state, { type: 'ask', text: 'do we ever learn if a declined payment was fraud?', now: 2_000 });
    expect(declined.messages.map((m) => m.text)).toEqual([fact('data-and-labels')]);
    const scope1 = interview.reduce(declined.state, { type: 'ask', text: 'I assume we focus on buyer card payments only.', now: 3_000 });
    expect(scope1.messages.map((m) => m.text)).toEqual([fact('out-of-scope')]);
    expect(scope1.state.clarify.map((e) => e.topic)).toEqual(['decisions-and-actions', 'data-and-labels', 'out-of-scope']);
  });

  it('the interviewer\'s f look-up gives the same facts, not "their call"', () => {
    const sheet = createPeerSheet(prompt, scope);
    expect(sheet.lookup('is there a team that reviews orders')).toEqual({ topic: 'decisions-and-actions', answer: fact('decisions-and-actions') });
    expect(sheet.lookup('can we hold a payment for review')).toEqual({ topic: 'decisions-and-actions', answer: fact('decisions-and-actions') });
    expect(sheet.lookup('do we ever learn if a declined payment was fraud')).toEqual({ topic: 'data-and-labels', answer: fact('data-and-labels') });
    expect(sheet.lookup('can we use gpus for training').answer).toBe(CANDIDATES_CALL_FOR_INTERVIEWER);
  });
});
