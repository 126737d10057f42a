import { describe, expect, it } from 'vitest';
import { checkFieldCase, itemAgreement, rates } from '../../src/scoring/agreement.js';
import type { ItemResult, ScoreReport } from '../../src/scoring/report.js';

const item = (id: string, stage: ItemResult['stage'], status: ItemResult['status']): ItemResult => ({
  id, rubric: 'framework', stage, label: id, level: 'core', weight: 1, status, evidence: `said ${id}`,
  foundIn: stage, matched: [], depth: status === 'covered' ? 'statement' : null, credit: status === 'covered' ? 1 : 0,
  why: '', hint: '', followUp: '',
});
const report = (items: ItemResult[]): ScoreReport => ({
  prompt: 'p', title: 'P', level: 'senior', overall: 50, verdict: 'lean-hire', redFlags: [], penalty: 0,
  stages: [{ id: 'data', title: 'Data', score: 0, answered: true, words: 1, listOnly: false, items }],
});

describe('item agreement', () => {
  it('counts covered items against the graders and ignores disputed ones', () => {
    const r = report([item('labels', 'data', 'covered'), item('features', 'data', 'missed'), item('data-leakage', 'data', 'covered')]);
    const grade = { prompt: 'p', file: 'a.md', overall: 50, covered: ['data/labels', 'data/features'], notCovered: ['data/data-leakage'], disputed: ['data/class-imbalance'] };
    const a = itemAgreement([{ id: 'a', report: r, grade }]);
    expect(a.overall).toEqual({ tp: 1, fp: 1, fn: 1, tn: 0 });
    expect(rates(a.overall)).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(a.disagreements.map((d) => `${d.kind} ${d.item}`)).toEqual(['fn data/features', 'fp data/data-leakage']);
  });

  it('gives zero rates rather than NaN when nothing is positive', () => {
    expect(rates({ tp: 0, fp: 0, fn: 0, tn: 3 })).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('field case check', () => {
  const base = { id: 'X', kind: 'k', prompt: 'p', text: '' };
  it('reads item, flag and heading targets', () => {
    const r = report([item('labels', 'data', 'covered')]);
    expect(checkFieldCase({ ...base, target: 'item:labels', expected: 'covered' }, r, []).holds).toBe(true);
    expect(checkFieldCase({ ...base, target: 'item:labels', expected: 'missed' }, r, []).holds).toBe(false);
    expect(checkFieldCase({ ...base, target: 'item:labels', expected: 'covered(statement)' }, r, []).holds).toBe(true);
    expect(checkFieldCase({ ...base, target: 'flag:x', expected: 'absent' }, r, []).holds).toBe(true);
    const mapping = [{ heading: 'Model Evaluation', stages: ['evaluation'] }];
    expect(checkFieldCase({ ...base, target: 'map:Model Evaluation', expected: 'evaluation' }, r, mapping).holds).toBe(true);
    expect(checkFieldCase({ ...base, target: 'map:Model Evaluation', expected: 'model' }, r, mapping).actual).toBe('evaluation');
  });
});
