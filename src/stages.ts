// The seven stages of the framework. Ids are a public contract (docs/architecture.md, Contracts).
export const STAGE_IDS = ['clarify', 'frame', 'data', 'model', 'evaluation', 'serving', 'monitoring'] as const;
export type StageId = (typeof STAGE_IDS)[number];

export interface StageInfo {
  id: StageId;
  title: string;
  /** Minutes in a 45-minute session; budgets scale with the session length. */
  minutes45: number;
  /** Other names a write-up may use as a heading for this stage. */
  aliases: readonly string[];
  /** What the interviewer asks when the stage starts. */
  question: string;
}

export const STAGES: readonly StageInfo[] = [
  {
    id: 'clarify',
    title: 'Clarify requirements',
    minutes45: 5,
    aliases: ['clarify', 'clarification', 'clarifying questions', 'requirements', 'requirement gathering', 'business objective', 'business goal', 'assumptions', 'scope', 'problem statement', 'problem understanding', 'constraints'],
    question: 'What would you like to know before you start designing?',
  },
  {
    id: 'frame',
    title: 'Frame as an ML task',
    minutes45: 4,
    aliases: ['frame', 'framing', 'problem framing', 'ml framing', 'ml problem', 'ml task', 'ml objective', 'problem formulation', 'formulation', 'ml formulation', 'inputs and outputs', 'high level design'],
    question: 'How would you frame this as a machine learning problem? What is the ML objective, the input and the output?',
  },
  {
    id: 'data',
    title: 'Data and features',
    minutes45: 8,
    aliases: ['data', 'data preparation', 'data and features', 'features', 'feature engineering', 'feature', 'training data', 'dataset', 'labels', 'labeling', 'data pipeline', 'data engineering', 'data collection'],
    question: 'What data would you use, how do you get labels, and which features would you build?',
  },
  {
    id: 'model',
    title: 'Model development',
    minutes45: 10,
    aliases: ['model', 'models', 'modeling', 'modelling', 'model development', 'model selection', 'model architecture', 'architecture', 'training', 'model training', 'algorithm', 'approach'],
    question: 'Which models would you try, starting from what baseline, and how would you train them?',
  },
  {
    id: 'evaluation',
    title: 'Evaluation',
    minutes45: 6,
    aliases: ['evaluation', 'metrics', 'offline evaluation', 'online evaluation', 'offline metrics', 'online metrics', 'experimentation', 'experiments', 'a/b testing', 'testing', 'validation', 'success metrics'],
    question: 'How would you evaluate the model offline and online?',
  },
  {
    id: 'serving',
    title: 'Deployment and serving',
    minutes45: 7,
    aliases: ['serving', 'deployment', 'deployment and serving', 'inference', 'prediction service', 'prediction pipeline', 'serving architecture', 'system architecture', 'system design', 'productionization', 'online serving', 'rollout', 'scaling'],
    question: 'How would you deploy and serve this in production?',
  },
  {
    id: 'monitoring',
    title: 'Monitoring and maintenance',
    minutes45: 5,
    aliases: ['monitoring', 'maintenance', 'monitoring and maintenance', 'observability', 'retraining', 'iteration', 'post launch', 'drift', 'operations', 'mlops', 'infrastructure', 'continual learning'],
    question: 'What happens after launch? How do you monitor the system and keep the model healthy?',
  },
];

export const TOTAL_MINUTES_45 = STAGES.reduce((sum, s) => sum + s.minutes45, 0);

export function stageInfo(id: StageId): StageInfo {
  const info = STAGES.find((s) => s.id === id);
  if (!info) throw new Error(`unknown stage ${id}`);
  return info;
}

export function isStageId(value: string): value is StageId {
  return (STAGE_IDS as readonly string[]).includes(value);
}
