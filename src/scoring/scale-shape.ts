import type { StageId } from '../stages.js';
import type { MonotoneMap } from './fit.js';

/**
 * The shape of the calibrated scale's parameters (what each one does: scale.ts). Its own module so
 * that the generated numbers (scale-parameters.ts) and the code that applies them (scale.ts) both
 * import it without importing each other.
 */
export interface ScaleParameters {
  /** Stage coverage -> the graders' stage score, pooled over all stages. */
  stage: MonotoneMap;
  /** The same, fitted per stage (each stage's checklist reads differently); the pooled map where absent. */
  stages?: Partial<Record<StageId, MonotoneMap>>;
  /** Answer coverage -> the graders' overall score, before mistakes. */
  overall: MonotoneMap;
  /** Points off the overall score per mistake. */
  mistake: { major: number; minor: number };
  /** Points off a stage's score per major mistake made in it. */
  stageMistake: number;
  /** Coverage points added before the overall map: + for mid, - for staff. */
  levelShift: number;
  /** What the parameters were fitted on, for the record. */
  fittedOn: string;
}
