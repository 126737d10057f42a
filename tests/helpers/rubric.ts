import { rubricSchema, type Rubric } from '../../src/content/schema.js';
import { compileRubrics, type CompiledScope } from '../../src/scoring/compile.js';
import type { CandidateLevel, ScoreReport } from '../../src/scoring/report.js';
import { scoreAnswers, type AnswerSet } from '../../src/scoring/score.js';

/** A small rubric covering a few stages, for testing scoring semantics independently of content. */
export const testRubric: Rubric = rubricSchema.parse({
  id: 'framework',
  title: 'Test framework',
  items: [
    item('business-objective', 'clarify', 4, ['business goal', 'business objective', 'increase revenue']),
    item('scale', 'clarify', 3, ['daily active users', 'qps', 'requests per second']),
    item('labels', 'data', 4, ['labels', 'positive examples', 'implicit feedback']),
    { ...item('data-leakage', 'data', 3, ['data leakage', 'leakage', 'future information']), risk: true, level: 'senior' },
    item('baseline', 'model', 5, ['baseline', 'logistic regression', 'start simple']),
    { ...item('model-choice', 'model', 3, ['gradient boosted trees', 'two tower', 'deep and cross network', 'neural network']), minMatches: 2 },
    item('offline-metrics', 'evaluation', 4, ['auc', 'log loss', 'ndcg', 'precision at k']),
    item('ab-test', 'evaluation', 4, ['a/b test', 'online experiment']),
    { ...item('exploration', 'evaluation', 2, ['exploration', 'bandit']), level: 'staff' },
    item('online-vs-batch', 'serving', 4, ['batch prediction', 'online prediction', 'precompute']),
    item('drift', 'monitoring', 4, ['drift', 'distribution shift']),
    item('retraining', 'monitoring', 4, ['retrain', 'continual learning']),
  ],
  redFlags: [
    {
      id: 'accuracy-only',
      label: 'Accuracy as the only metric',
      phrases: ['accuracy'],
      unless: ['precision', 'recall', 'auc', 'log loss'],
      severity: 'major',
      why: 'Accuracy hides the rare class.',
    },
    {
      id: 'no-baseline',
      label: 'Deep model with no baseline',
      phrases: ['transformer', 'deep neural network'],
      unlessItems: ['baseline'],
      severity: 'minor',
      why: 'No reference point.',
    },
    {
      id: 'model-while-clarifying',
      label: 'Model named while clarifying',
      stage: 'clarify',
      phrases: ['transformer', 'xgboost'],
      why: 'Solutioning before requirements.',
    },
  ],
  // As rubrics/framework.yaml declares them: the list-of-terms flag and the items a usual topic stands for.
  listFlag: { id: 'list-instead-of-reasoning', label: 'a list of terms, not an answer', why: 'Name, then choose and explain.' },
  topics: [{ topic: 'scale', covers: ['scale'] }],
});

function item(id: string, stage: string, weight: number, phrases: string[]) {
  return { id, stage, label: id, weight, phrases, why: `why ${id}`, hint: `hint ${id}`, followUp: `follow-up ${id}?` };
}

export const testScope: CompiledScope = compileRubrics([testRubric]);

export function score(answers: AnswerSet, level: CandidateLevel = 'senior', scope = testScope): ScoreReport {
  return scoreAnswers({ prompt: { id: 'test-prompt', title: 'Test prompt' }, scope, answers, level });
}

export function itemOf(report: ScoreReport, id: string) {
  const found = report.stages.flatMap((s) => s.items).find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
}
