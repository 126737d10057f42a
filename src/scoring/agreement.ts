import type { StageId } from '../stages.js';
import type { ScoreReport } from './report.js';

/**
 * Agreement between mlsd and human graders, for `npm run agreement` (docs/architecture.md, What we measure). Pure:
 * reports and labels in, counts and rates out. The graders label framework items as
 * `stage/item-id` (e.g. `data/labels`): `covered` when both agree the answer treats the item in
 * substance, `notCovered` when both agree it does not; `disputed` labels are left out.
 */

/** One graded answer, as in calibration/grades.json. */
export interface GradedAnswer {
  prompt: string;
  file: string;
  overall: number;
  covered: string[];
  notCovered: string[];
  disputed?: string[];
  stages?: Partial<Record<StageId, number>>;
}

/** True/false positives and negatives of "mlsd says covered" against "graders say covered". */
export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface Rates {
  precision: number;
  recall: number;
  f1: number;
}

/** One disagreement, to read when tuning: which answer, which item, which way. */
export interface Disagreement {
  answer: string;
  item: string;
  /** fp: mlsd credits what the graders did not; fn: mlsd misses what the graders credited. */
  kind: 'fp' | 'fn';
  evidence: string | null;
}

export interface ItemAgreement {
  overall: Confusion;
  perItem: Map<string, Confusion>;
  disagreements: Disagreement[];
}

const empty = (): Confusion => ({ tp: 0, fp: 0, fn: 0, tn: 0 });

/** Framework items mlsd counts as covered in a report, as `stage/id` (covered or prompted). */
export function coveredItems(report: ScoreReport, rubric = 'framework'): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const stage of report.stages) {
    for (const item of stage.items) {
      if (item.rubric !== rubric) continue;
      if (item.status === 'covered' || item.status === 'prompted') out.set(`${item.stage}/${item.id}`, item.evidence);
    }
  }
  return out;
}

/** Adds one answer's labels to the running counts. */
export function addAnswer(into: ItemAgreement, answerId: string, report: ScoreReport, grade: GradedAnswer): void {
  const said = coveredItems(report);
  const tally = (item: string, kind: keyof Confusion) => {
    into.overall[kind]++;
    let c = into.perItem.get(item);
    if (!c) into.perItem.set(item, (c = empty()));
    c[kind]++;
  };
  for (const item of grade.covered) {
    if (said.has(item)) tally(item, 'tp');
    else {
      tally(item, 'fn');
      into.disagreements.push({ answer: answerId, item, kind: 'fn', evidence: null });
    }
  }
  for (const item of grade.notCovered) {
    if (said.has(item)) {
      tally(item, 'fp');
      into.disagreements.push({ answer: answerId, item, kind: 'fp', evidence: said.get(item) ?? null });
    } else tally(item, 'tn');
  }
}

/** Counts over many answers. */
export function itemAgreement(answers: Iterable<{ id: string; report: ScoreReport; grade: GradedAnswer }>): ItemAgreement {
  const out: ItemAgreement = { overall: empty(), perItem: new Map(), disagreements: [] };
  for (const a of answers) addAnswer(out, a.id, a.report, a.grade);
  return out;
}

/** Precision, recall and F1 (their harmonic mean); 0 where undefined (no positives). */
export function rates(c: Confusion): Rates {
  const precision = c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : 0;
  const recall = c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/**
 * A field case (shared/cases/field-cases.yaml): a small input on which the scorer once failed.
 * `target` is `item:<id>` (expected `covered`, `covered(statement)` or `missed`), `flag:<id>`
 * (expected `absent`) or `map:<heading>` (expected a stage id).
 */
export interface FieldCase {
  id: string;
  kind: string;
  prompt: string;
  stage?: string;
  target: string;
  expected: string;
  text: string;
}

/** How a heading of the answer was mapped to stages. */
export interface HeadingStages {
  heading: string;
  stages: readonly string[];
}

export interface FieldCaseResult {
  holds: boolean;
  /** What mlsd produced, in the vocabulary of `expected`. */
  actual: string;
}

/** Whether a field case holds for the report (and heading mapping) mlsd produced for its text. */
export function checkFieldCase(fieldCase: FieldCase, report: ScoreReport, mapping: readonly HeadingStages[]): FieldCaseResult {
  const [kind, ...rest] = fieldCase.target.split(':');
  const name = rest.join(':').trim();
  if (kind === 'item') {
    const item = report.stages.flatMap((s) => s.items).find((i) => i.id === name);
    const covered = !!item && (item.status === 'covered' || item.status === 'prompted');
    const actual = !item ? 'not-in-scope' : covered ? `covered(${item.depth ?? 'mention'})` : item.status === 'negated' ? 'negated' : 'missed';
    const expected = fieldCase.expected.trim();
    if (expected === 'missed') return { holds: !covered, actual };
    if (expected === 'covered') return { holds: covered, actual };
    return { holds: actual === expected, actual };
  }
  if (kind === 'flag') {
    const raised = report.redFlags.some((f) => f.id === name);
    return { holds: (fieldCase.expected === 'absent') === !raised, actual: raised ? 'raised' : 'absent' };
  }
  if (kind === 'map') {
    const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    const found = mapping.find((m) => norm(m.heading) === norm(name)) ?? mapping.find((m) => norm(m.heading).includes(norm(name)));
    const actual = found ? found.stages.join('+') || 'none' : 'no-heading';
    return { holds: actual === fieldCase.expected, actual };
  }
  return { holds: false, actual: `unknown target ${fieldCase.target}` };
}
