/** Formatting of clock times shown to people (stage clocks, timelines, reports). */

/** m:ss, or h:mm:ss past an hour; negative values read as overtime with a minus sign. */
export function formatClock(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${sign}${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}` : `${sign}${m}:${String(s).padStart(2, '0')}`;
}
