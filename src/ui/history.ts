import type { SessionSummary } from '../store/summary.js';
import { isOwnSession } from '../progress/own-sessions.js';
import { VERDICT_LABEL } from '../scoring/verdict.js';
import { formatClock } from '../text/clock-format.js';
import type { Style } from './style.js';
import { clean } from './peer-clean.js';
import { padEnd, wrap } from './wrap.js';
import { plural } from '../text/plural.js';

const SPARKS = '▁▂▃▄▅▆▇█';

/** Columns of the history table hidden first when it is wider than the terminal. */
const HIDE_ORDER = ['level', 'time', 'kind', 'date'] as const;

/** Fewest characters of a prompt id the table shows before it drops the prompt column ("…" included). */
const MIN_PROMPT = 6;

/** Columns of a trend line's label (its prompt id, padded) at full width. */
const TREND_LABEL = 26;

/** Fewest scores a trend line draws before the trend is left out. */
const MIN_SPARKS = 5;

/** Scores 0-100 as a one-line chart, oldest first. */
export function sparkline(scores: readonly number[]): string {
  return scores.map((s) => SPARKS[Math.min(SPARKS.length - 1, Math.floor((Math.max(0, Math.min(100, s)) / 100) * SPARKS.length))]).join('');
}

export function sessionDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return 'unknown date';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function sessionDuration(s: Pick<SessionSummary, 'usedMs' | 'durationMs'>): string {
  return s.usedMs !== null && s.durationMs !== null ? `${formatClock(s.usedMs)}/${formatClock(s.durationMs)}` : '-';
}

/**
 * The history table of `sessions` (newest first), then a trend per prompt over the last 40 scores of
 * `trendOf` (all the sessions the table was taken from; the table's own by default), and, when the table
 * shows fewer sessions than there are, how to see more. Every line fits `width` columns (from 30): the
 * table hides columns and cuts long prompt ids with "…", the trend draws fewer scores, notes are wrapped. `scored`, when given, is how many sessions of `trendOf` have a score, by
 * prompt (the session index keeps it): the trend then stops reading sessions once every line is full.
 */
export function renderHistory(sessions: readonly SessionSummary[], style: Style, trendOf: readonly SessionSummary[] = sessions, width = 80, scored?: ReadonlyMap<string, number>): string[] {
  const rows = sessions.map((s) => [
    s.id,
    sessionDate(s.createdAt),
    s.prompt,
    s.level,
    s.candidate ? `${s.kind} (${clean(s.candidate)})` : s.kind,
    sessionDuration(s),
    s.overall !== null ? String(s.overall) : '-',
    s.verdict ? VERDICT_LABEL[s.verdict] : s.status,
  ]);
  const header = ['id', 'date', 'prompt', 'level', 'kind', 'time', 'score', 'verdict'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)) + 2);
  // Too wide for the terminal: the columns least needed to tell sessions apart go, in this order, and a
  // line says which (history --json has them all). Then the prompt is cut with "…", the verdict goes (the
  // score stays), and last the prompt; the id and the score always stay whole (at least 19 columns).
  const shown = new Set(header.map((_, i) => i));
  const tableWidth = () => [...shown].reduce((sum, i) => sum + widths[i]!, 0) - 2;
  const hidden: string[] = [];
  const hide = (name: string) => {
    shown.delete(header.indexOf(name));
    hidden.push(name);
  };
  for (const name of HIDE_ORDER) {
    if (tableWidth() <= width) break;
    hide(name);
  }
  const PROMPT = header.indexOf('prompt');
  const natural = widths[PROMPT]!;
  // The prompt column shrinks to what is left, never below MIN_PROMPT; the verdict goes first, then the prompt.
  const fitPrompt = () => {
    widths[PROMPT] = natural;
    if (tableWidth() > width) widths[PROMPT] = Math.max(MIN_PROMPT + 2, natural - (tableWidth() - width));
  };
  fitPrompt();
  if (tableWidth() > width) {
    hide('verdict');
    fitPrompt();
  }
  if (tableWidth() > width) hide('prompt');
  const cell = (c: string, i: number) => (i === PROMPT && c.length > widths[i]! - 2 ? `${c.slice(0, widths[i]! - 3)}…` : c);
  const line = (cells: readonly string[]) => cells.map((c, i) => (shown.has(i) ? padEnd(cell(c, i), widths[i]!) : '')).join('').trimEnd();
  const out = [style.bold(line(header))];
  for (const r of rows) out.push(line(r));
  if (hidden.length > 0) out.push(...wrap(`(${hidden.join(', ')} hidden to fit ${width} columns; mlsd history --json has every field)`, width).map(style.dim));
  // The last 40 scores fit on one line; older ones are in the table and the JSON. Newest first here.
  const latest = new Map<string, number[]>();
  const all: number[] = [];
  // Lines still to fill: one per prompt, and the line of all prompts (only when the counts are known).
  const total = scored ? sumOf(scored) : 0;
  let open = !scored ? Infinity : total === 0 ? 0 : scored.size + 1;
  // Peer interviews the user ran are the candidates' scores, not the user's: left out, as stats does.
  let othersLeftOut = false;
  for (const s of trendOf) {
    if (open === 0) break;
    const overall = s.overall;
    if (overall === null) continue;
    if (!isOwnSession(s)) {
      othersLeftOut = true;
      continue;
    }
    if (all.length < 40) {
      all.push(overall);
      if (scored && all.length === Math.min(40, total)) open--;
    }
    const prompt = s.prompt;
    let mine = latest.get(prompt);
    if (!mine) latest.set(prompt, (mine = [overall]));
    else if (mine.length < 40) mine.push(overall);
    else continue;
    if (scored && mine.length === Math.min(40, scored.get(prompt) ?? 0)) open--;
  }
  if (all.length >= 2) {
    // 2 + label + sparks + 2 + score (up to 3): 73 columns at full size. Narrower, the label is cut with
    // "…" and only the newest scores are drawn; under MIN_SPARKS of them the trend is left out, with a note.
    const label = Math.min(TREND_LABEL, Math.max(13, width - 2 - 5 - 40));
    const sparks = Math.min(40, width - 2 - label - 5);
    const trendLine = (name: string, scores: readonly number[]) => `  ${padEnd(name.length > label - 2 ? `${name.slice(0, label - 3)}…` : name, label)}${sparkline(scores.slice(-sparks))}  ${scores.at(-1)}`;
    if (sparks < MIN_SPARKS) {
      out.push('', ...wrap(`(trend hidden to fit ${width} columns)`, width).map(style.dim));
    } else {
      const title = `Trend (oldest → newest, last ${sparks})`;
      out.push('', ...wrap(title.length <= width ? title : `Trend (last ${sparks}, oldest first)`, width).map(style.bold));
      out.push(trendLine('all prompts', all.reverse()));
      for (const prompt of [...latest.keys()].sort()) {
        const mine = latest.get(prompt)!.reverse();
        if (mine.length >= 2) out.push(trendLine(prompt, mine));
      }
      if (othersLeftOut) out.push(...wrap("(interviews you ran for other candidates are left out of the trend, as stats leaves them out)", width).map(style.dim));
    }
  }
  if (sessions.some((s) => s.status === 'active' && s.verdict === null)) {
    out.push(...wrap('(active: open in an mlsd running now; interrupted: stopped, continue it with mlsd resume <id>)', width).map(style.dim));
  }
  if (sessions.length < trendOf.length) {
    out.push('', ...wrap(`Showing the latest ${sessions.length} of ${plural(trendOf.length, 'session')}; --limit N or --all shows more.`, width).map(style.dim));
  }
  return out;
}

function sumOf(counts: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const count of counts.values()) total += count;
  return total;
}
