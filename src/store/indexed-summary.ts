import { STAGE_IDS, type StageId } from '../stages.js';
import type { SetLine } from './index-schema.js';
import { rowOf, type Entry } from './index-state.js';
import type { NotCovered, SessionSummary } from './summary.js';

/**
 * A session's summary as the index gives it: the fields every list needs (id, date, prompt, kind,
 * status, overall score) come from the entry; the rest from the row, parsed the first time one of them
 * is asked for. So `history` over 50,000 sessions parses the rows it shows, not every row. The items
 * not covered are decoded once per distinct pattern of a rubric set.
 */
export class IndexedSummary implements SessionSummary {
  readonly #entry: Entry;
  readonly #sets: readonly ItemSet[];
  /** The per-stage fields, decoded when first asked for (one field, not three: a summary is made for every session on every run). */
  #decoded: { stageScores?: Partial<Record<StageId, number>>; stageMs?: Partial<Record<StageId, number>> | null; budgets?: Partial<Record<StageId, number>> | null } | null = null;

  constructor(entry: Entry, sets: readonly ItemSet[]) {
    this.#entry = entry;
    this.#sets = sets;
  }

  get id(): string { return this.#entry.id; }
  get createdAt(): string { return this.#entry.createdAt; }
  get prompt(): string { return this.#entry.prompt; }
  get kind(): SessionSummary['kind'] { return this.#entry.kind; }
  get status(): SessionSummary['status'] { return this.#entry.status; }
  get overall(): number | null { return this.#entry.overall; }
  get level(): SessionSummary['level'] { return rowOf(this.#entry)[6]; }
  get verdict(): SessionSummary['verdict'] { return rowOf(this.#entry)[10]; }
  get usedMs(): number | null { return rowOf(this.#entry)[11]; }
  get durationMs(): number | null { return rowOf(this.#entry)[12]; }
  get stageScores(): Partial<Record<StageId, number>> {
    const decoded = (this.#decoded ??= {});
    return (decoded.stageScores ??= byStage(rowOf(this.#entry)[13]));
  }
  get stageMs(): Partial<Record<StageId, number>> | null {
    const decoded = (this.#decoded ??= {});
    if (decoded.stageMs === undefined) {
      const values = rowOf(this.#entry)[14];
      decoded.stageMs = values === null ? null : byStage(values);
    }
    return decoded.stageMs;
  }
  get budgets(): Partial<Record<StageId, number>> | null {
    const decoded = (this.#decoded ??= {});
    if (decoded.budgets === undefined) {
      const values = rowOf(this.#entry)[15];
      decoded.budgets = values === null ? null : budgetsOf(values);
    }
    return decoded.budgets;
  }
  get candidate(): string | null { return rowOf(this.#entry)[19]; }
  get itemIds(): readonly string[] { return this.#set().ids; }

  get notCovered(): NotCovered[] {
    const code = rowOf(this.#entry)[17];
    if (!code) return [];
    const set = this.#set();
    let list = set.decoded.get(code);
    if (!list) {
      list = code.split(' ').map((part) => ({ id: set.ids[Number.parseInt(part, 10)]!, status: LETTER_STATUS[part.at(-1) as keyof typeof LETTER_STATUS] }));
      set.decoded.set(code, list);
    }
    return list;
  }

  #set(): ItemSet {
    const set = rowOf(this.#entry)[16];
    return set === null ? NO_SET : this.#sets[set]!;
  }

  /** The plain fields, as summarize() gives them (for JSON and for comparing). */
  toJSON(): SessionSummary {
    const { id, createdAt, prompt, level, kind, status, candidate, overall, verdict, usedMs, durationMs, stageScores, notCovered, itemIds, stageMs, budgets } = this;
    return { id, createdAt, prompt, level, kind, status, candidate, overall, verdict, usedMs, durationMs, stageScores, notCovered, itemIds, stageMs, budgets };
  }
}

/** The ids of a rubric set's items, shared by every summary of the set, and its decoded patterns of items not covered. */
export interface ItemSet {
  ids: readonly string[];
  decoded: Map<string, NotCovered[]>;
}

const NO_SET: ItemSet = { ids: [], decoded: new Map() };

/** The item sets of an index, ready to be shared by its summaries. */
export function itemSets(sets: readonly SetLine[]): ItemSet[] {
  return sets.map((s) => ({ ids: s.items.map((i) => i[0]), decoded: new Map<string, NotCovered[]>() }));
}

/** Letters of the row's items not covered ("3m 5p 9n"). */
export const STATUS_LETTER = { missed: 'm', prompted: 'p', negated: 'n' } as const;
const LETTER_STATUS = { m: 'missed', p: 'prompted', n: 'negated' } as const;

function byStage(values: string): Partial<Record<StageId, number>> {
  const out: Partial<Record<StageId, number>> = {};
  let stage = 0;
  let start = 0;
  for (let i = 0; i <= values.length; i++) {
    if (i < values.length && values.charCodeAt(i) !== 32) continue;
    if (values.charCodeAt(start) !== 45) out[STAGE_IDS[stage]!] = Number(values.slice(start, i)); // "-": no value
    stage++;
    start = i + 1;
  }
  return out;
}

/** Budgets repeat from session to session (same length, same budgets): decoded once, shared read-only. */
const sharedBudgets = new Map<string, Partial<Record<StageId, number>>>();
function budgetsOf(values: string): Partial<Record<StageId, number>> {
  let found = sharedBudgets.get(values);
  if (!found) sharedBudgets.set(values, (found = Object.freeze(byStage(values))));
  return found;
}
