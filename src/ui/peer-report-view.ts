import { PEER_MARK } from './status-marks.js';
import { formatClock } from '../text/clock-format.js';
import type { MarksComparison } from '../interview/peer-compare.js';
import type { PeerSheetState } from '../interview/peer-sheet.js';
import type { ScoreReport } from '../scoring/report.js';
import { VERDICT_LABEL } from '../scoring/verdict.js';
import { STAGES, stageInfo } from '../stages.js';
import { clean } from './peer-clean.js';
import type { Style } from './style.js';
import type { Prompt } from '../content/schema.js';
import type { SessionRecord } from '../store/session-record.js';
import { sessionDate } from './history.js';
import { renderOutline } from './outline.js';
import { renderReport } from './report.js';
import { fitWidth, padEnd, wrap } from './wrap.js';
import { plural } from '../text/plural.js';

/**
 * What a peer interview adds around the usual report: who and how long, the interviewer's notes,
 * the facts the candidate asked for, and, with `--answers`, where the marks and the automatic score
 * disagree. As terminal lines and as Markdown.
 */

const MARK_TEXT = { covered: `${PEER_MARK.covered} covered`, prompted: `${PEER_MARK.prompted} after prompting`, wrong: `${PEER_MARK.wrong} wrong`, 'not marked': '· not marked' } as const;

/** One line saying who was interviewed, how long, and by whom it was marked. */
export function interviewHeading(state: PeerSheetState): string {
  const who = state.candidate ? `${clean(state.candidate)}, ` : '';
  return `Peer interview: ${who}level ${state.level}, ${formatClock(state.usedMs)} of ${formatClock(state.durationMs)}, marked by the interviewer`;
}

export function renderInterviewerNotes(state: PeerSheetState, style: Style, width: number): string[] {
  const w = Math.min(width, 100);
  const out: string[] = [];
  const notes = STAGES.filter((s) => state.notes[s.id]);
  if (notes.length > 0) {
    out.push(style.bold("Interviewer's notes"));
    for (const s of notes) out.push(...wrap(`${s.title}: ${clean(state.notes[s.id]!)}`, w, '      ', '  '));
  }
  if (state.facts.length > 0) {
    if (out.length > 0) out.push('');
    out.push(style.bold('Facts they asked for'));
    for (const f of state.facts) out.push(...wrap(`${formatClock(f.atMs)} “${clean(f.question)}” → ${f.topic ? clean(f.answer) : 'their call (assumption)'}`, w, '      ', '  ').map(style.dim));
  }
  return out;
}

export function renderMarksComparison(c: MarksComparison, style: Style, width: number, source: string): string[] {
  const w = Math.min(width, 100);
  const out = [style.bold('Marks against the automatic score') + style.dim(`  (of ${clean(source)})`)];
  out.push(`  ${padEnd('overall', 28)}marks ${String(c.overall.marks).padStart(3)}   automatic ${String(c.overall.automatic).padStart(3)}`);
  for (const s of c.stages) {
    const gap = Math.abs(s.marks - s.automatic) >= 25 ? style.yellow('  ← far apart') : '';
    out.push(`  ${padEnd(s.title, 28)}marks ${String(s.marks).padStart(3)}   automatic ${String(s.automatic).padStart(3)}${gap}`);
  }
  out.push('', `  They agree on ${c.agreed} of the ${plural(c.total, 'item')} either side heard of.`);
  if (c.items.length > 0) {
    out.push(style.bold('  Where they disagree'));
    for (const d of c.items) {
      const auto = d.automatic === 'covered' || d.automatic === 'prompted' ? 'found in the notes' : d.automatic === 'negated' ? 'ruled out in the notes' : 'not in the notes';
      out.push(...wrap(`${clean(d.label)} (${d.stage}): interviewer ${MARK_TEXT[d.interviewer]}, automatic: ${auto}`, w, '      ', '    • '));
      if (d.evidence) out.push(...wrap(`“${clean(d.evidence)}”`, w, '      ').map(style.dim));
    }
  }
  for (const f of c.flags) out.push(...wrap(`${clean(f.label)}: red flag raised only by ${f.by === 'interviewer' ? 'the interviewer' : 'the automatic score'}`, w, '      ', '    ▲ '));
  return out;
}

/** The Markdown sections `review --format md` adds for a peer interview. */
export function interviewMarkdown(state: PeerSheetState, report: ScoreReport, comparison: MarksComparison | null, automatic: ScoreReport | null): string[] {
  const out: string[] = ['## The interview', '', interviewHeading(state), ''];
  out.push('| stage | time | marks |', '|---|---:|---|');
  for (const s of STAGES) {
    const items = report.stages.find((r) => r.id === s.id)?.items ?? [];
    const marks = items.map((i) => state.marks[i.id]).filter((m) => m !== undefined);
    const counts = (['covered', 'prompted', 'wrong'] as const).map((k) => `${marks.filter((m) => m.mark === k).length} ${k === 'prompted' ? 'after prompting' : k}`).join(', ');
    out.push(`| ${s.title} | ${formatClock(state.stageMs[s.id] ?? 0)} / ${formatClock(state.budgets[s.id])} | ${counts} |`);
  }
  const notes = STAGES.filter((s) => state.notes[s.id]);
  if (notes.length > 0) {
    out.push('', "### Interviewer's notes", '');
    for (const s of notes) out.push(`- **${s.title}:** ${md(state.notes[s.id]!)}`);
  }
  if (state.facts.length > 0) {
    out.push('', '### Facts they asked for', '');
    for (const f of state.facts) out.push(`- ${formatClock(f.atMs)} “${md(f.question)}” → ${f.topic ? md(f.answer) : '_their call: state an assumption_'}`);
  }
  if (comparison && automatic) {
    out.push('', '### Marks against the automatic score', '');
    out.push(`Automatic score of the candidate's notes: **${automatic.overall}/100 · ${VERDICT_LABEL[automatic.verdict]}**; they agree on ${comparison.agreed} of the ${plural(comparison.total, 'item')} either side heard of.`, '');
    out.push('| stage | marks | automatic |', '|---|---:|---:|');
    for (const s of comparison.stages) out.push(`| ${s.title} | ${s.marks} | ${s.automatic} |`);
    if (comparison.items.length > 0) {
      out.push('');
      for (const d of comparison.items) out.push(`- **${md(d.label)}** (${stageInfo(d.stage).title}): interviewer ${MARK_TEXT[d.interviewer]}; automatic ${d.automatic}${d.evidence ? ` (“${md(d.evidence)}”)` : ''}`);
    }
    for (const f of comparison.flags) out.push(`- ▲ **${md(f.label)}**: raised only by ${f.by === 'interviewer' ? 'the interviewer' : 'the automatic score'}`);
  }
  out.push('');
  return out;
}

function md(text: string): string {
  return clean(text).replace(/([\\`*_[\]<>|])/g, '\\$1');
}

/**
 * The end of `mlsd interview`: the heading, the report from the marks, the interviewer's notes, the
 * comparison with the automatic score of `--answers` (when there is one), and how to share it.
 */
export function renderInterviewEnd(
  state: PeerSheetState,
  marks: ScoreReport,
  automatic: { comparison: MarksComparison; answersFile: string } | null,
  style: Style,
  width: number,
): string[] {
  const lines = [...wrap(interviewHeading(state), Math.min(width, 100)).map(style.dim), '', ...renderReport(marks, style, { width, marks: state.marks })];
  const notes = renderInterviewerNotes(state, style, width);
  if (notes.length > 0) lines.push('', ...notes);
  if (automatic) lines.push('', ...renderMarksComparison(automatic.comparison, style, width, automatic.answersFile));
  lines.push('', ...wrap(`Saved as session ${state.id}. Share it with: mlsd review ${state.id} --format md --out feedback.md`, Math.min(width, 100)).map(style.dim));
  return fitWidth(lines, width);
}

/**
 * `mlsd review` of a peer interview, as text: the session line, the heading, the report from the marks,
 * the notes, the comparison with the automatic score (`comparison`, when the candidate's answers were
 * scored), and the reference outline beside the time spent.
 */
export function renderInterviewText(record: SessionRecord, state: PeerSheetState, report: ScoreReport, prompt: Prompt | null, comparison: MarksComparison | null, style: Style, width: number): string[] {
  const w = Math.min(width, 100);
  const lines = [
    style.bold(`Session ${record.id}`) + style.dim(`  ·  ${sessionDate(record.createdAt)}  ·  interview  ·  ${record.status}`),
    ...wrap(interviewHeading(state), w).map(style.dim),
    '',
  ];
  lines.push(...renderReport(report, style, { width, marks: state.marks }));
  const notes = renderInterviewerNotes(state, style, width);
  if (notes.length > 0) lines.push('', ...notes);
  if (comparison) lines.push('', ...renderMarksComparison(comparison, style, width, state.answersFile ?? 'the answers file'));
  if (prompt) lines.push('', ...renderOutline(prompt, state, style, width));
  return fitWidth(lines, width);
}
