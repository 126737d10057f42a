import { STAGE_IDS, type StageId } from '../stages.js';
import { isotonic, meanAbsoluteError, meanSignedError, spearman, type MonotoneMap } from './fit.js';
import { calibratedOverall, calibratedStage, type MistakeCounts, type ScaleParameters } from './scale.js';
import type { ScoreReport } from './report.js';
import { bandOf } from './verdict.js';
import { plural } from '../text/plural.js';

/**
 * Fitting the calibrated scale (scale.ts) on graded answers, and measuring it by cross-validation
 * by prompt: each prompt's answers are scored with parameters fitted on the other prompts' answers
 * only. Pure and deterministic (grid search, ties to the smaller penalty).
 */

/** One graded answer, as the fit sees it: mlsd's raw measurements and the graders' scores. */
export interface ScaleSample {
  id: string;
  prompt: string;
  /** The graders' mean overall score (0-100) and per-stage scores. */
  graded: number;
  gradedStages: Record<StageId, number>;
  /** mlsd's coverage at senior level (0-100): the answer's and each stage's. */
  coverage: number;
  stageCoverage: Record<StageId, number>;
  mistakes: MistakeCounts;
}

/** The grids searched for the penalties (points). */
export const PENALTY_GRID = {
  major: [0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30],
  minor: [0, 2, 4, 6, 8],
  stage: [0, 5, 10, 15, 20, 25, 30, 35, 40],
};

/** Coverage points one level up or down shifts the overall map by (documented, not fitted: the corpus is graded at senior). */
export const LEVEL_SHIFT = 5;

/**
 * Isotonic regression pooled into blocks of at least `minBlock` points (a smoother map for a small
 * corpus), then anchored: an empty answer scores 0 and a complete one 100.
 */
function fitMap(xs: number[], ys: number[], minBlock: number): MonotoneMap {
  const map = isotonic(xs, ys.map((y) => Math.max(0, Math.min(100, y))), undefined, minBlock);
  const x = map.x.map(round1);
  const y = map.y.map(round1);
  if (x[0]! > 0) (x.unshift(0), y.unshift(0));
  if (x[x.length - 1]! < 100) (x.push(100), y.push(100));
  return { x, y };
}

/** Smallest block of the isotonic fits, in points: stages pool 7 per answer, answers are few. */
export const MIN_BLOCK = { stage: 14, perStage: 4, overall: 3 };

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Fits the scale on the samples: both maps by isotonic regression, the penalties by grid search on mean absolute error. */
export function fitScale(samples: readonly ScaleSample[], fittedOn = plural(samples.length, 'answer')): ScaleParameters {
  // Stage map: the graders' stage score with the stage's mistakes added back is what coverage predicts.
  let best: { loss: number; map: MonotoneMap; stages: Record<StageId, MonotoneMap>; penalty: number } | null = null;
  for (const penalty of PENALTY_GRID.stage) {
    const xs: number[] = [];
    const ys: number[] = [];
    for (const s of samples) {
      for (const stage of STAGE_IDS) {
        xs.push(s.stageCoverage[stage]);
        ys.push(s.gradedStages[stage] + penalty * (s.mistakes.majorByStage[stage] ?? 0));
      }
    }
    const map = fitMap(xs, ys, MIN_BLOCK.stage);
    const stages = Object.fromEntries(
      STAGE_IDS.map((stage) => [
        stage,
        fitMap(
          samples.map((s) => s.stageCoverage[stage]),
          samples.map((s) => s.gradedStages[stage] + penalty * (s.mistakes.majorByStage[stage] ?? 0)),
          MIN_BLOCK.perStage,
        ),
      ]),
    ) as Record<StageId, MonotoneMap>;
    const trial: ScaleParameters = { ...placeholder(), stage: map, stages, stageMistake: penalty };
    const predicted = samples.flatMap((s) => STAGE_IDS.map((st) => calibratedStage(s.stageCoverage[st], s.mistakes.majorByStage[st] ?? 0, st, trial)));
    const actual = samples.flatMap((s) => STAGE_IDS.map((st) => s.gradedStages[st]));
    const loss = meanAbsoluteError(predicted, actual);
    if (!best || loss < best.loss - 1e-9) best = { loss, map, stages, penalty };
  }
  // Overall map and mistake penalties, jointly.
  let overall: { loss: number; map: MonotoneMap; major: number; minor: number } | null = null;
  for (const major of PENALTY_GRID.major) {
    for (const minor of PENALTY_GRID.minor) {
      const map = fitMap(
        samples.map((s) => s.coverage),
        samples.map((s) => s.graded + major * s.mistakes.major + minor * s.mistakes.minor),
        MIN_BLOCK.overall,
      );
      const trial: ScaleParameters = { ...placeholder(), overall: map, mistake: { major, minor } };
      const loss = meanAbsoluteError(samples.map((s) => calibratedOverall(s.coverage, s.mistakes, 'senior', trial)), samples.map((s) => s.graded));
      if (!overall || loss < overall.loss - 1e-9) overall = { loss, map, major, minor };
    }
  }
  return {
    stage: best!.map,
    stages: best!.stages,
    overall: overall!.map,
    mistake: { major: overall!.major, minor: overall!.minor },
    stageMistake: best!.penalty,
    levelShift: LEVEL_SHIFT,
    fittedOn,
  };
}

function placeholder(): ScaleParameters {
  return { stage: { x: [0, 100], y: [0, 100] }, overall: { x: [0, 100], y: [0, 100] }, mistake: { major: 0, minor: 0 }, stageMistake: 0, levelShift: LEVEL_SHIFT, fittedOn: '' };
}

/** Predictions for one sample under some parameters. */
export interface ScalePrediction {
  id: string;
  prompt: string;
  overall: number;
  stages: Record<StageId, number>;
}

/** Scores a sample with given parameters (senior level, as the corpus is graded). */
export function predict(sample: ScaleSample, scale: ScaleParameters): ScalePrediction {
  const stages = Object.fromEntries(
    STAGE_IDS.map((st) => [st, calibratedStage(sample.stageCoverage[st], sample.mistakes.majorByStage[st] ?? 0, st, scale)]),
  ) as Record<StageId, number>;
  return { id: sample.id, prompt: sample.prompt, overall: Math.round(calibratedOverall(sample.coverage, sample.mistakes, 'senior', scale)), stages };
}

/** Leave-one-prompt-out: each prompt's answers predicted by parameters fitted on the other prompts. */
export function crossValidateByPrompt(samples: readonly ScaleSample[]): ScalePrediction[] {
  return samples.map((s) => predict(s, fitScale(samples.filter((t) => t.prompt !== s.prompt))));
}

/** Agreement of predictions with the graders (docs/architecture.md, What we measure). */
export interface ScaleAgreement {
  n: number;
  spearman: number;
  mae: number;
  /** Mean signed error: negative when mlsd is harsher than the graders. */
  bias: number;
  stageMae: Record<StageId, number>;
  /** Share of answers whose verdict band equals the graders' / is at most one band away. */
  bandExact: number;
  bandWithinOne: number;
}

export function agreement(samples: readonly ScaleSample[], predictions: readonly ScalePrediction[]): ScaleAgreement {
  const graded = samples.map((s) => s.graded);
  const overall = predictions.map((p) => p.overall);
  const stageMae = Object.fromEntries(
    STAGE_IDS.map((st) => [st, meanAbsoluteError(predictions.map((p) => p.stages[st]), samples.map((s) => s.gradedStages[st]))]),
  ) as Record<StageId, number>;
  const bands = samples.map((s, i) => Math.abs(bandOf(overall[i]!) - bandOf(s.graded)));
  return {
    n: samples.length,
    spearman: spearman(overall, graded),
    mae: meanAbsoluteError(overall, graded),
    bias: meanSignedError(overall, graded),
    stageMae,
    bandExact: bands.filter((d) => d === 0).length / Math.max(1, bands.length),
    bandWithinOne: bands.filter((d) => d <= 1).length / Math.max(1, bands.length),
  };
}

/** The fit's view of a senior-level report and its grade: coverage and mistakes (every red flag). */
export function sampleFromReport(
  id: string,
  report: ScoreReport,
  grade: { prompt: string; overall: number; stages: Record<StageId, number> },
): ScaleSample {
  const mistakes: MistakeCounts = { major: 0, minor: 0, majorByStage: {} };
  for (const flag of report.redFlags) {
    mistakes[flag.severity]++;
    if (flag.severity === 'major' && flag.stage) mistakes.majorByStage[flag.stage] = (mistakes.majorByStage[flag.stage] ?? 0) + 1;
  }
  return {
    id,
    prompt: grade.prompt,
    graded: grade.overall,
    gradedStages: grade.stages,
    coverage: report.coverage ?? report.overall,
    stageCoverage: Object.fromEntries(report.stages.map((s) => [s.id, s.coverage ?? s.score])) as Record<StageId, number>,
    mistakes,
  };
}
