import { describe, expect, it } from 'vitest';
import { rubricsFor } from '../../src/content/catalog.js';
import { createInterview, type Interview, type InterviewState } from '../../src/interview/interview-machine.js';
import { compileRubrics } from '../../src/scoring/compile.js';
import type { ItemStatus } from '../../src/scoring/report.js';
import type { StageId } from '../../src/stages.js';
import { builtinCatalog } from '../helpers/builtin.js';

// Tryout 8, F14: in practice, what a candidate says in a follow-up answer earns every item it covers
// (needed prompting: half credit), not only the item the follow-up asked about, and the next follow-up
// never asks for what was already said, in the stage answer or an earlier follow-up.

function interviewFor(promptId: string): Interview {
  const prompt = builtinCatalog.prompts.get(promptId)!.value;
  return createInterview(prompt, compileRubrics(rubricsFor(builtinCatalog, prompt)));
}

/** A senior session walked to `stage` with every earlier stage left empty, then the stage's answer submitted. */
function atFollowUps(interview: Interview, stage: StageId, answer: string): { state: InterviewState; now: number } {
  let { state } = interview.start({ id: 'm8fu00000000', level: 'senior', durationMinutes: 45, now: 0, createdAt: '2026-01-01T10:00:00.000Z' });
  let now = 0;
  while (state.stage !== stage) state = interview.reduce(state, { type: 'submit', text: '', now: (now += 1_000) }).state;
  state = interview.reduce(state, { type: 'submit', text: answer, now: (now += 1_000) }).state;
  return { state, now };
}

const statusOf = (interview: Interview, state: InterviewState, id: string): ItemStatus | undefined =>
  interview.score(state).stages.flatMap((s) => s.items).find((i) => i.id === id)?.status;

describe('a follow-up answer in practice', () => {
  it('fraud-detection, monitoring: the drift answer that also says how often to retrain earns retraining, and retraining is not asked next', () => {
    const interview = interviewFor('fraud-detection');
    const { state, now } = atFollowUps(interview, 'monitoring', 'We watch a dashboard.');
    expect(state.pending.map((p) => p.itemId)).toEqual(['drift', 'retraining']);
    const step = interview.reduce(state, { type: 'submit', text: 'Monitor score drift and decline rate hourly; retrain weekly on matured labels.', now: now + 1_000 });
    expect(step.state.pending.map((p) => p.itemId)).not.toContain('retraining');
    expect(step.messages.map((m) => m.text).join('\n')).not.toMatch(/how often would you retrain/i);
    expect(statusOf(interview, step.state, 'drift')).toBe('prompted');
    expect(statusOf(interview, step.state, 'retraining')).toBe('prompted');
  });

  it('fraud-detection, evaluation and serving: items of other stages said in a follow-up answer count too', () => {
    const interview = interviewFor('fraud-detection');
    const { state, now } = atFollowUps(interview, 'evaluation', '');
    expect(state.pending[0]!.itemId).toBe('offline-metrics');
    const evaluation = interview.reduce(state, { type: 'submit', text: 'Time-based split; PR-AUC and recall at a 0.5% decline rate; shadow then A/B test on fraud bps.', now: now + 1_000 }).state;
    expect(statusOf(interview, evaluation, 'ab-test')).toBe('prompted');
    expect(statusOf(interview, evaluation, 'data-splitting')).toBe('prompted');
    expect(evaluation.pending.map((p) => p.itemId)).not.toContain('ab-test');
    // Skip what is left of the stage, then answer serving's first follow-up.
    let s = evaluation;
    let t = now + 2_000;
    while (s.stage === 'evaluation') s = interview.reduce(s, { type: 'submit', text: '', now: (t += 1_000) }).state;
    s = interview.reduce(s, { type: 'submit', text: '', now: (t += 1_000) }).state;
    expect(s.pending[0]!.itemId).toBe('online-vs-batch');
    s = interview.reduce(s, { type: 'submit', text: 'Online scoring in the checkout path within 150 ms, features from a streaming feature store, rules as fallback.', now: (t += 1_000) }).state;
    expect(statusOf(interview, s, 'serving-latency')).toBe('prompted');
    expect(statusOf(interview, s, 'feature-store')).toBe('prompted');
  });

  it('video-recommendation, evaluation: an offline-metrics answer that names the online metric and the A/B test ends the follow-ups', () => {
    const interview = interviewFor('video-recommendation');
    const { state, now } = atFollowUps(interview, 'evaluation', '');
    expect(state.pending.map((p) => p.itemId)).toEqual(['offline-metrics', 'online-metrics']);
    const step = interview.reduce(state, { type: 'submit', text: 'Offline we compare recall at k for retrieval and NDCG for the ranker; online we track watch time per daily user and return rate in an A/B test.', now: now + 1_000 });
    expect(step.state.followUps.filter((f) => f.stage === 'evaluation').map((f) => f.itemId)).toEqual(['offline-metrics']);
    expect(step.state.stage).toBe('serving');
    for (const id of ['offline-metrics', 'online-metrics', 'ab-test']) expect([id, statusOf(interview, step.state, id)]).toEqual([id, 'prompted']);
  });

  it('eta-prediction, model: a model-choice answer with its baseline and loss earns both, and the next follow-up asks something not yet said', () => {
    const interview = interviewFor('eta-prediction');
    const { state, now } = atFollowUps(interview, 'model', 'We train a model.');
    expect(state.pending.map((p) => p.itemId)).toEqual(['model-choice', 'baseline']);
    const step = interview.reduce(state, { type: 'submit', text: 'A historical average per restaurant is the baseline; then gradient boosted trees on tabular features, trained with a quantile loss.', now: now + 1_000 });
    expect(step.state.phase).toBe('follow-up');
    expect(step.state.pending.map((p) => p.itemId)).not.toContain('baseline');
    expect(step.state.pending).toHaveLength(1); // two follow-ups a stage at most
    for (const id of ['baseline', 'model-choice', 'loss-function']) expect([id, statusOf(interview, step.state, id)]).toEqual([id, 'prompted']);
  });

  it('ad-click-prediction, serving: never asks for an item the stage answer or an earlier follow-up already covered', () => {
    const interview = interviewFor('ad-click-prediction');
    const { state, now } = atFollowUps(interview, 'serving', 'We distil the model so it is small enough.');
    const planned = state.pending.map((p) => p.itemId);
    expect(planned).not.toContain('model-compression');
    const step = interview.reduce(state, { type: 'submit', text: 'We score candidates online per request within 50 ms, reading user features from a feature store.', now: now + 1_000 });
    const asked = step.state.pending.map((p) => p.itemId);
    for (const id of asked) expect([id, statusOf(interview, step.state, id)]).toEqual([id, 'missed']);
    expect(asked).not.toContain('serving-latency');
    expect(asked).not.toContain('online-vs-batch');
  });

  it('fraud-detection: what an earlier stage\'s follow-up answer said is not asked again in its own stage', () => {
    const interview = interviewFor('fraud-detection');
    const { state, now } = atFollowUps(interview, 'data', 'We use the payment logs.');
    expect(state.phase).toBe('follow-up');
    let s = interview.reduce(state, { type: 'submit', text: 'Chargebacks mark fraud; labels mature after 90 days, so we retrain weekly on matured labels and watch for drift in the feature distributions.', now: now + 1_000 }).state;
    let t = now + 2_000;
    while (s.stage !== 'monitoring') s = interview.reduce(s, { type: 'submit', text: '', now: (t += 1_000) }).state;
    s = interview.reduce(s, { type: 'submit', text: 'We watch a dashboard.', now: (t += 1_000) }).state;
    // Once monitoring is reached (a stage not reached scores nothing), both count as needed prompting.
    expect(['retraining', 'drift'].map((id) => statusOf(interview, s, id))).toEqual(['prompted', 'prompted']);
    const asked = s.pending.map((p) => p.itemId);
    expect(asked).not.toContain('retraining');
    expect(asked).not.toContain('drift');
  });
});
