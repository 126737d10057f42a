import type { Catalog } from '../content/catalog.js';
import { rubricsFor } from '../content/scope.js';
import type { Prompt } from '../content/schema.js';
import { formatClock } from '../text/clock-format.js';
import { compareMarks } from '../interview/peer-compare.js';
import { sheetReport } from '../interview/peer-report.js';
import { createPeerSheet, MARK_WORD } from '../interview/peer-sheet.js';
import { compileRubrics } from '../scoring/compile.js';
import type { ScoreReport } from '../scoring/report.js';
import { VERDICT_LABEL } from '../scoring/verdict.js';
import { STAGES } from '../stages.js';
import { CliError, EXIT } from '../errors.js';
import { readSheet } from '../store/peer-sheet-schema.js';
import type { SessionRecord } from '../store/session-record.js';
import { sessionDate } from '../ui/history.js';
import { clean } from '../ui/peer-clean.js';
import { markdownPeerMark } from '../ui/status-marks.js';
import { interviewMarkdown, renderInterviewText } from '../ui/peer-report-view.js';
import type { Style } from '../ui/style.js';
import { plural } from '../text/plural.js';

/** `mlsd review` of a peer interview: the report from the interviewer's marks, their notes, and the comparison. */

/** The report of an interview session: saved at the end, or built now from the marks of an interrupted one. */
export function interviewReport(record: SessionRecord, catalog: Catalog): ScoreReport | null {
  if (record.report) return record.report;
  const prompt = catalog.prompts.get(record.prompt)?.value;
  if (!prompt || !record.sheet) return null;
  const checked = readSheet(record.sheet);
  if ('error' in checked) throw new CliError(`session ${record.id} cannot be reported on: its file is damaged (${checked.error})`, EXIT.failure);
  const sheet = createPeerSheet(prompt, compileRubrics(rubricsFor(catalog, prompt)));
  return sheetReport({ prompt, items: sheet.allItems, flags: sheet.allFlags, state: checked.sheet });
}

function comparison(record: SessionRecord, report: ScoreReport) {
  return record.automatic && record.sheet ? compareMarks(report, record.automatic, record.sheet) : null;
}

/** `review` of a peer interview as text (the view is ui/peer-report-view.ts). */
export function interviewText(record: SessionRecord, report: ScoreReport, prompt: Prompt | null, style: Style, width: number): string {
  return `${renderInterviewText(record, record.sheet!, report, prompt, comparison(record, report), style, width).join('\n')}\n`;
}

export function interviewJson(record: SessionRecord, report: ScoreReport): string {
  const state = record.sheet!;
  const c = comparison(record, report);
  return `${JSON.stringify(
    {
      ...report,
      session: { id: record.id, kind: record.kind, status: record.status, createdAt: record.createdAt, candidate: state.candidate },
      interview: { marks: state.marks, flags: state.flags, notes: state.notes, facts: state.facts, visited: state.visited },
      timings: { usedMs: state.usedMs, durationMs: state.durationMs, stages: Object.fromEntries(STAGES.map((s) => [s.id, { usedMs: state.stageMs[s.id] ?? 0, budgetMs: state.budgets[s.id] }])) },
      ...(record.automatic ? { automatic: record.automatic, comparison: c } : {}),
    },
    null,
    2,
  )}\n`;
}

/** The candidate's feedback as Markdown: the marks as evidence, the notes, the outline. */
export function interviewMarkdownReport(record: SessionRecord, report: ScoreReport, prompt: Prompt | null): string {
  const state = record.sheet!;
  const out: string[] = [`# ${clean(report.title)}`, ''];
  const who = state.candidate ? ` · ${clean(state.candidate)}` : '';
  out.push(`Session \`${record.id}\` · ${sessionDate(record.createdAt)}${who} · level ${report.level} · peer interview · ${formatClock(state.usedMs)} of ${formatClock(state.durationMs)}`, '');
  if (prompt) out.push(`> ${clean(prompt.prompt)}`, '');
  out.push(`**Overall: ${report.overall}/100 · ${VERDICT_LABEL[report.verdict]}**${report.penalty ? ` (${plural(report.penalty, 'point')} off for red flags)` : ''}`, '');
  out.push('| stage | score | time |', '|---|---:|---:|');
  for (const stage of report.stages) out.push(`| ${stage.title} | ${stage.score} | ${formatClock(state.stageMs[stage.id] ?? 0)} / ${formatClock(state.budgets[stage.id])} |`);
  for (const stage of report.stages) {
    out.push('', `## ${stage.title} · ${stage.score}/100`, '');
    if (state.notes[stage.id]) out.push(`> Interviewer's note: ${clean(state.notes[stage.id]!)}`, '');
    const order = ['covered', 'prompted', 'wrong'];
    const rank = (id: string) => {
      const mark = state.marks[id]?.mark;
      return mark ? order.indexOf(mark) : order.length;
    };
    const items = [...stage.items].sort((a, b) => rank(a.id) - rank(b.id) || b.weight - a.weight);
    for (const item of items) {
      const mark = state.marks[item.id];
      const symbol = markdownPeerMark(mark?.mark);
      out.push(`- ${symbol} **${clean(item.label)}**${mark ? ` (${MARK_WORD[mark.mark]}${mark.note ? `: ${clean(mark.note)}` : ''})` : ''}`);
      if (!mark || mark.mark === 'wrong') out.push(`  - Why it matters: ${clean(item.why)}`, `  - Hint: ${clean(item.hint)}`);
    }
  }
  if (report.redFlags.length > 0) {
    out.push('', '## Red flags', '');
    for (const flag of report.redFlags) {
      out.push(`- **${clean(flag.label)}** (${flag.severity}${flag.stage ? `, ${flag.stage}` : ''}): ${clean(flag.why)}`);
      if (flag.evidence) out.push(`  - ${clean(flag.evidence)}`);
    }
  }
  out.push('', ...interviewMarkdown(state, report, comparison(record, report), record.automatic ?? null));
  if (prompt) {
    out.push('## Reference outline');
    for (const stage of STAGES) out.push('', `### ${stage.title}`, '', ...prompt.outline[stage.id].map((p) => `- ${clean(p)}`));
  }
  return `${out.join('\n')}\n`;
}
