import { ITEM_MARK } from './status-marks.js';
import { formatClock } from '../text/clock-format.js';
import type { Comparison } from '../progress/compare.js';
import type { Stats } from '../progress/stats.js';
import type { Style } from './style.js';
import { bar, fitWidth, padEnd, wrap } from './wrap.js';
import { plural } from '../text/plural.js';

/** `stats` in lines no wider than `width` (down to 30 columns; 100 at most). */
export function renderStats(stats: Stats, style: Style, width: number): string[] {
  const w = Math.max(30, Math.min(width, 100));
  const out = [style.bold(`${plural(stats.sessions, 'session')}, ${stats.scored} scored`) + (stats.averageOverall === null ? '' : style.dim(` · average ${stats.averageOverall}/100`)), ''];
  out.push(style.bold('Average score per stage'));
  const titleWidth = Math.max(...stats.stages.map((s) => s.title.length)) + 2;
  for (const s of stats.stages) {
    // On a narrow terminal the bar goes under its stage's title instead of beside it.
    const beside = 2 + titleWidth + 24 + 4 <= w;
    const lead = beside ? `  ${padEnd(s.title, titleWidth)}` : '    ';
    if (!beside) out.push(`  ${s.title}`);
    if (s.average === null) {
      out.push(`${lead}${style.dim('no scores yet')}`);
      continue;
    }
    const { filled, empty } = bar(s.average, beside ? 24 : Math.min(24, w - 4 - 4));
    out.push(`${lead}${filled}${style.dim(empty)} ${String(s.average).padStart(3)}`);
  }
  if (stats.missed.length > 0) {
    out.push('', style.bold('Items you miss most'));
    stats.missed.forEach((m, i) => {
      const counts = [...(m.missed > 0 ? [`missed in ${m.missed}`] : []), ...(m.prompted > 0 ? [`needed prompting in ${m.prompted}`] : [])].join(', ');
      out.push(`  ${String(i + 1).padStart(2)}. ${m.label}${style.dim(`  ${counts} of ${m.seen}`)}`);
      out.push(...wrap(`hint: ${m.hint}`, w, '      ').map(style.cyan));
    });
  }
  if (stats.overBudget.length > 0) {
    out.push('', style.bold('Stages that run over their budget (practice sessions)'));
    for (const s of stats.overBudget) out.push(`  ${padEnd(s.title, titleWidth)}over in ${s.over} of ${s.reached}, by ${formatClock(s.averageOverMs)} on average`);
  }
  return fitWidth(out, w);
}

/**
 * `review --compare`: the two sessions named, overall and per-stage scores before → after with the
 * change, then the items gained and lost. `width` in columns (default 100); no line is wider.
 */
export function renderComparison(c: Comparison, labels: { before: string; after: string }, style: Style, width = 100): string[] {
  const w = Math.min(width, 100);
  const sign = (n: number) => (n > 0 ? style.green(`+${n}`) : n < 0 ? style.red(String(n)) : style.dim('0'));
  const heading = `Compare ${labels.before} → ${labels.after}`;
  const out = [...wrap(heading, w, '  ', '').map((line, i) => (i === 0 ? `${style.bold('Compare')}${line.slice('Compare'.length)}` : line)), ''];
  if (!c.samePrompt) {
    const note = `These sessions answer different prompts: scores are not like for like, and gained and lost list only the items both were scored on${c.notCompared > 0 ? ` (${plural(c.notCompared, 'prompt-specific item')} ${c.notCompared === 1 ? 'is' : 'are'} left out)` : ''}.`;
    out.push(...wrap(note, w, '  ').map(style.yellow), '');
  }
  out.push(`  ${padEnd('Overall', 30)}${String(c.overall.before).padStart(3)} → ${String(c.overall.after).padStart(3)}  ${sign(c.overall.delta)}`);
  for (const s of c.stages) out.push(`  ${padEnd(s.title, 30)}${String(s.before).padStart(3)} → ${String(s.after).padStart(3)}  ${sign(s.delta)}`);
  out.push('', style.bold(`Gained (${c.gained.length})`), ...(c.gained.length ? c.gained.map((g) => `  ${style.green(ITEM_MARK.covered)} ${g.label} ${style.dim(`(${g.stage})`)}`) : [style.dim('  nothing new')]));
  out.push('', style.bold(`Lost (${c.lost.length})`), ...(c.lost.length ? c.lost.map((l) => `  ${style.red(ITEM_MARK.missed)} ${l.label} ${style.dim(`(${l.stage})`)}`) : [style.dim('  nothing lost')]));
  return fitWidth(out, width);
}
