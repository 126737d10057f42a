import { STAGE_IDS, STAGES, TOTAL_MINUTES_45, type StageId } from '../stages.js';

/** Minutes per stage for the two common lengths (docs/architecture.md, Contracts); others scale from 45. */
const TABLE: Record<number, readonly number[]> = {
  45: STAGES.map((s) => s.minutes45),
  60: [7, 5, 11, 14, 8, 9, 6],
};

/** Each stage's time budget in milliseconds; they add up to the session's length exactly. */
export function stageBudgets(durationMinutes: number): Record<StageId, number> {
  const table = TABLE[durationMinutes];
  if (table) return Object.fromEntries(STAGE_IDS.map((id, i) => [id, table[i]! * 60_000])) as Record<StageId, number>;
  // Largest remainder on whole seconds, so short practice sessions (2 minutes) still add up.
  const totalSeconds = Math.round(durationMinutes * 60);
  const exact = STAGES.map((s) => (s.minutes45 / TOTAL_MINUTES_45) * totalSeconds);
  const seconds = exact.map(Math.floor);
  let left = totalSeconds - seconds.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    seconds[i]!++;
    left--;
  }
  return Object.fromEntries(STAGE_IDS.map((id, i) => [id, seconds[i]! * 1000])) as Record<StageId, number>;
}
