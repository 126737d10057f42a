import type { SectionMapping } from '../answers/parse.js';
import type { ItemResult, RedFlagResult, ScoreReport, StageResult } from '../scoring/report.js';
import { VERDICT_LABEL } from '../scoring/verdict.js';
import type { Style } from './style.js';
import { bar, fitWidth, padEnd, wrap, wrapAfter } from './wrap.js';
import { headerLines } from './heading.js';
import { stripControl } from '../text/sanitize.js';
import { ITEM_MARK, PEER_MARK } from './status-marks.js';
import { plural } from '../text/plural.js';
import { NO_STAGE } from './general-answer.js';
import { MARK_WORD, type SheetMark } from '../interview/peer-sheet.js';

/** The scored report as terminal lines: the same renderer serves `score`, `practice` and `review`. */

export interface ReportOptions {
  width: number;
  /** How the answer's sections were matched to stages, shown first so a surprise is explained. */
  mapping?: SectionMapping[];
  /** Label for where the answer came from, e.g. the file name. */
  source?: string;
  /**
   * A peer interview's marks by item id: each item then says the interviewer's mark ("covered", "after
   * prompting", "wrong: <note>") instead of a depth read from words, which a mark does not have.
   */
  marks?: Readonly<Record<string, Pick<SheetMark, 'mark' | 'note'>>>;
}

/** The narrowest the report is laid out for: below it lines would be cut mid-word everywhere. */
export const MIN_REPORT_WIDTH = 30;

/** The report in lines no wider than `options.width` (from MIN_REPORT_WIDTH to 100 columns). */
export function renderReport(report: ScoreReport, style: Style, options: ReportOptions): string[] {
  const width = Math.max(MIN_REPORT_WIDTH, Math.min(options.width, 100));
  const out: string[] = [];
  out.push(...headerLines(report.title, `${report.prompt}  ·  level ${report.level}`, width, style));
  if (options.source) out.push(...wrap(`answer: ${options.source}`, width, '  ', '').map(style.dim));
  if (options.mapping) out.push(...renderMapping(options.mapping, style, width));
  out.push('');
  out.push(`${style.bold('Overall')}  ${scoreColor(report.overall, style)(`${report.overall}/100`)}  ${verdictText(report, style)}`);
  if (report.penalty > 0) out.push(style.dim(`  (${plural(report.penalty, 'point')} off for mistakes)`));
  if (report.coverage !== undefined) {
    const levels = report.overallByLevel ? ` · the same answer scores ${report.overallByLevel.mid} at mid, ${report.overallByLevel.senior} at senior, ${report.overallByLevel.staff} at staff` : '';
    out.push(...wrap(`rests on: ${report.coverage}% of the checklist's weight earned, by depth${levels}`, width, '  ', '  ').map(style.dim));
  }
  out.push('');
  const titleWidth = Math.max(...report.stages.map((s) => s.title.length)) + 2;
  // On a narrow terminal the bar goes under its stage's title instead of beside it.
  const beside = width - 2 - titleWidth - 4 - ' not answered'.length >= 10;
  const barWidth = beside ? Math.max(10, Math.min(30, width - titleWidth - 12)) : Math.max(5, Math.min(30, width - 4 - 4 - ' not answered'.length));
  for (const stage of report.stages) {
    const { filled, empty } = bar(stage.score, barWidth);
    const color = scoreColor(stage.score, style);
    // A stage with no section of its own can still earn points said elsewhere: then "not answered" beside a score misleads.
    const note = !stage.answered ? style.dim(stage.score > 0 ? ' no section' : ' not answered') : stage.listOnly ? style.yellow(' list only') : '';
    const row = `${color(filled)}${style.dim(empty)} ${String(stage.score).padStart(3)}${note}`;
    if (beside) out.push(`  ${padEnd(stage.title, titleWidth)}${row}`);
    else out.push(`  ${stage.title}`, `    ${row}`);
  }
  for (const stage of report.stages) out.push('', ...renderStage(stage, style, width, options.marks));
  if (report.redFlags.length > 0) {
    out.push('', style.bold('Red flags'));
    for (const flag of report.redFlags) out.push(...renderFlag(flag, style, width));
  }
  out.push('', ...renderSummary(report, style, width));
  // Evidence quotes what was typed or pasted in a live session: keep mlsd's colours, drop any other control.
  return fitWidth(out.map((line) => stripControl(line, { keepStyle: true })), width);
}

function renderMapping(mapping: SectionMapping[], style: Style, width: number): string[] {
  if (mapping.length === 0) return wrap('sections: no headings name a stage, so the answer was scored as a whole', width, '  ', '').map(style.dim);
  const parts = mapping.map((m) => `"${m.heading}" → ${m.stages.length > 0 ? m.stages.join(' + ') : NO_STAGE}`);
  return wrap(`sections: ${parts.join('; ')}`, width, '  ', '').map(style.dim);
}

function renderStage(stage: StageResult, style: Style, width: number, marks?: ReportOptions['marks']): string[] {
  if (!stage.answered && stage.items.every((i) => i.status === 'missed')) {
    // A stage never reached: one line, not a lecture per item.
    const labels = stage.items.map((i) => i.label).join(', ');
    return [`${style.bold(stage.title)}  ${style.red('0/100')}${style.dim('  not answered')}`, ...wrap(`missed: ${labels}`, width, '    ', '  ').map(style.dim)];
  }
  const coverage = stage.coverage !== undefined ? ` · ${stage.coverage}% of its checklist` : '';
  // A stage marked by a peer interviewer has no words of its own: no "0 words".
  const words = stage.words > 0 ? `  ${plural(stage.words, 'word')}` : '';
  const out = [`${style.bold(stage.title)}  ${scoreColor(stage.score, style)(`${stage.score}/100`)}${style.dim(stage.answered ? `${words}${coverage}` : `  ${stage.score > 0 ? 'no section of its own' : 'not answered'}${coverage}`)}`];
  const order: ItemResult['status'][] = ['covered', 'prompted', 'negated', 'missed'];
  const items = [...stage.items].sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status) || b.weight - a.weight);
  for (const item of items) out.push(...(marks ? renderMarkedItem(item, marks[item.id], style, width) : renderItem(item, style, width)));
  return out;
}

function renderItem(item: ItemResult, style: Style, width: number): string[] {
  const mark = ITEM_MARK[item.status];
  const tag = item.level === 'core' ? '' : style.dim(` [${item.level}]`);
  const out: string[] = [];
  switch (item.status) {
    case 'covered': {
      const depth =
        item.depthLevel === 'named' || (!item.depthLevel && item.depth === 'mention')
          ? style.yellow(' (only named, not explained)')
          : item.depthLevel === 'chosen'
            ? style.dim(' (chosen, no reason given)')
            : item.depthLevel === 'justified'
              ? style.dim(' (justified)')
              : '';
      const where = item.foundIn && item.foundIn !== item.stage ? style.dim(` (said under ${item.foundIn === 'general' ? 'no stage heading' : item.foundIn})`) : '';
      out.push(...wrapAfter(`  ${style.green(mark)} `, `${item.label}${tag}${depth}${where}`, width, '      '));
      if (item.evidence) out.push(...wrap(`“${item.evidence}”`, width, '      ').map(style.dim));
      break;
    }
    case 'prompted':
      out.push(...wrapAfter(`  ${style.yellow(mark)} `, `${item.label}${tag} ${style.yellow('(needed prompting)')}`, width, '      '));
      if (item.evidence) out.push(...wrap(`“${item.evidence}”`, width, '      ').map(style.dim));
      break;
    case 'negated':
      out.push(...wrapAfter(`  ${style.magenta(mark)} `, `${item.label}${tag} ${style.magenta('(you ruled it out)')}`, width, '      '));
      if (item.evidence) out.push(...wrap(`“${item.evidence}”`, width, '      ').map(style.dim));
      out.push(...wrap(`why it matters: ${item.why}`, width, '      '));
      break;
    case 'missed':
      out.push(...wrapAfter(`  ${style.red(mark)} `, `${item.label}${tag}`, width, '      '), ...whyAndHint(item, style, width));
      break;
  }
  return out;
}

/** An item of a peer interview: the interviewer's mark and note; why and the hint for an item not earned. */
function renderMarkedItem(item: ItemResult, mark: Pick<SheetMark, 'mark' | 'note'> | undefined, style: Style, width: number): string[] {
  const tag = item.level === 'core' ? '' : style.dim(` [${item.level}]`);
  const note = mark?.note ? `: ${mark.note}` : '';
  const symbol = mark ? PEER_MARK[mark.mark] : ITEM_MARK.missed;
  const paint = !mark ? style.red : mark.mark === 'covered' ? style.green : mark.mark === 'prompted' ? style.yellow : style.magenta;
  const word = mark ? (mark.mark === 'wrong' ? style.magenta(` (${MARK_WORD.wrong}${note})`) : style.dim(` (${MARK_WORD[mark.mark]}${note})`)) : '';
  const out = wrapAfter(`  ${paint(symbol)} `, `${item.label}${tag}${word}`, width, '      ');
  if (!mark || mark.mark === 'wrong') out.push(...whyAndHint(item, style, width));
  return out;
}

/** Why an item not earned matters, and the hint (cyan), under its line. */
function whyAndHint(item: ItemResult, style: Style, width: number): string[] {
  return [...wrap(`why it matters: ${item.why}`, width, '      '), ...wrap(`hint: ${item.hint}`, width, '      ').map(style.cyan)];
}

function renderFlag(flag: RedFlagResult, style: Style, width: number): string[] {
  const severity = flag.severity === 'major' ? style.red('major') : style.yellow('minor');
  const where = flag.stage ? style.dim(` (${flag.stage})`) : '';
  const out = wrapAfter(`  ▲ ${severity}  `, `${flag.label}${where}`, width, '      ');
  if (flag.evidence) out.push(...wrap(`“${flag.evidence}”`, width, '      ').map(style.dim));
  out.push(...wrap(flag.why, width, '      '));
  return out;
}

/**
 * How many checklist items were covered, those covered only after prompting counted beside them: "25 of 57
 * checklist items covered", or "25 covered and 10 after prompting, of 57 checklist items".
 */
export function coveredCount(items: readonly Pick<ItemResult, 'status'>[]): string {
  const covered = items.filter((i) => i.status === 'covered').length;
  const prompted = items.filter((i) => i.status === 'prompted').length;
  const all = plural(items.length, 'checklist item');
  return prompted > 0 ? `${covered} covered and ${prompted} after prompting, of ${all}` : `${covered} of ${all} covered`;
}

function renderSummary(report: ScoreReport, style: Style, width: number): string[] {
  const all = report.stages.flatMap((s) => s.items);
  const out = wrapAfter(`${style.bold('Verdict')}  `, `${verdictText(report, style)} for a ${report.level}-level candidate · ${coveredCount(all)}`, width, '  ');
  if (report.nextSteps) {
    if (report.nextSteps.length > 0) out.push(style.bold('What would raise it most'));
    for (const step of report.nextSteps) {
      const what = step.kind === 'mistake' ? `Fix: ${step.label}` : step.kind === 'deepen' ? `Explain: ${step.label}` : step.label;
      const gain = step.gain > 0 ? style.dim(` (+${step.gain})`) : '';
      out.push(...wrap(`${what}${gain}: ${step.advice}`, width, '    ', '  • '));
      if (step.evidence) out.push(...wrap(`“${step.evidence}”`, width, '      ').map(style.dim));
    }
    return out;
  }
  const next = all
    .filter((i) => i.status === 'missed' || i.status === 'negated' || i.depth === 'mention')
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 3);
  if (next.length > 0) {
    out.push(style.bold('Work on next'));
    for (const item of next) out.push(...wrap(`${item.label}: ${item.hint}`, width, '    ', '  • '));
  }
  return out;
}

function verdictText(report: ScoreReport, style: Style): string {
  const label = VERDICT_LABEL[report.verdict];
  if (report.verdict === 'strong-hire' || report.verdict === 'hire') return style.green(style.bold(label));
  if (report.verdict === 'lean-hire') return style.yellow(style.bold(label));
  return style.red(style.bold(label));
}

function scoreColor(score: number, style: Style): (s: string) => string {
  if (score >= 65) return style.green;
  if (score >= 40) return style.yellow;
  return style.red;
}
