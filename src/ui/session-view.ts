import type { Prompt } from '../content/schema.js';
import type { ScoreReport } from '../scoring/report.js';
import { STAGES } from '../stages.js';
import type { SessionRecord } from '../store/session-record.js';
import { formatClock } from '../text/clock-format.js';
import { stripControl } from '../text/sanitize.js';
import { sessionDate, sessionDuration } from './history.js';
import { generalNote, generalTitle, stageWithoutSectionNote } from './general-answer.js';
import { unsubmittedDraft } from './markdown.js';
import { renderOutline } from './outline.js';
import { renderReport } from './report.js';
import type { Style } from './style.js';
import { fitWidth, joinParagraphLines, wrap } from './wrap.js';

/**
 * `mlsd review` of a practice or scored session, as text: a heading, each stage's answer in a box with
 * its time against the budget, the follow-ups and their answers, what was typed but not submitted, then
 * the report and the reference outline (when the prompt is installed). `width` in columns; no line is
 * wider. With PLAIN_STYLE (files) the lines carry no escape codes; terminal control in answers is removed.
 * `report` null: an unscored session whose prompt is not installed, its answers only.
 */
export function renderSessionText(record: SessionRecord, report: ScoreReport | null, prompt: Prompt | null, style: Style, width: number): string[] {
  const w = Math.min(width, 100);
  const i = record.interview;
  const lines = [
    style.bold(`Session ${record.id}`) + style.dim(`  ·  ${sessionDate(record.createdAt)}  ·  ${record.kind}  ·  ${record.status}  ·  time ${sessionDuration({ usedMs: i?.usedMs ?? null, durationMs: i?.durationMs ?? null })}`),
    '',
  ];
  // A file's hard line breaks inside a paragraph (an editor's wrap) are joined first, so the text wraps once,
  // to this width. The practice box wraps by itself, so every line break in it is the candidate's: kept.
  const asTyped = record.kind === 'practice';
  const lineBreaks = (text: string) => (asTyped ? text.split('\n') : joinParagraphLines(text));
  const box = (text: string) => lineBreaks(text.trim()).flatMap((l) => (l.trim() ? boxedLine(l, w) : ['  │']));
  // Text outside any stage's section (a plain-text answer, standard input, a Markdown intro) is scored
  // as a whole: show it first, and say so under each stage it may have answered.
  const general = record.answers.general?.trim() ?? '';
  if (general) lines.push(style.bold(generalTitle(record.answers.sections)), ...wrap(generalNote(record.answers.sections), w, '  ', '  ').map(style.dim), ...box(general), '');
  const unanswered = general ? stageWithoutSectionNote(record.answers.sections) : '(not answered)';
  for (const stage of STAGES) {
    const answer = record.answers.sections[stage.id];
    const time = i ? style.dim(`  ${formatClock(i.stageMs[stage.id] ?? 0)} of ${formatClock(i.budgets[stage.id])}`) : '';
    lines.push(`${style.bold(stage.title)}${time}`);
    const draft = unsubmittedDraft(record, stage.id);
    lines.push(...(answer?.trim() ? box(answer) : draft ? [] : [style.dim(`  ${unanswered}`)]));
    if (draft) lines.push(...wrap('typed but not submitted when the session stopped (mlsd resume goes on with it):', w, '    ', '  ').map(style.yellow), ...box(draft));
    for (const f of i?.followUps.filter((f) => f.stage === stage.id) ?? []) {
      lines.push(...wrap(`Follow-up: ${f.question}`, w, '    ', '  ').map(style.cyan));
      lines.push(...box(f.answer || '(no answer)'));
    }
    lines.push('');
  }
  if (report) lines.push(...renderReport(report, style, { width }));
  if (prompt) lines.push('', ...renderOutline(prompt, i ?? null, style, width));
  // Answers are what was typed or pasted: keep mlsd's colours, drop any other terminal control.
  return fitWidth(lines.map((line) => stripControl(line, { keepStyle: true })), width);
}

/**
 * One line of an answer in review's box, wrapped to `width` columns: its own indent kept (a nested list
 * item stays nested; a tab is two columns; at most a third of the width), and a list item's continuation
 * rows hang under its text, not under its marker.
 */
function boxedLine(line: string, width: number): string[] {
  const lead = /^[ \t]*/.exec(line)![0].replace(/\t/g, '  ');
  const indent = ' '.repeat(Math.min(lead.length, Math.floor(width / 3)));
  const text = line.trim();
  const marker = /^(?:[-*+]|\d{1,9}[.)])\s+/.exec(text)?.[0] ?? '';
  return wrap(text, width, `  │ ${indent}${' '.repeat(marker.length)}`, `  │ ${indent}`);
}
