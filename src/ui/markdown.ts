import type { Prompt } from '../content/schema.js';
import { formatClock } from '../text/clock-format.js';
import type { ScoreReport } from '../scoring/report.js';
import { VERDICT_LABEL } from '../scoring/verdict.js';
import { STAGES, type StageId } from '../stages.js';
import type { SessionRecord } from '../store/session-record.js';
import { sessionDate } from './history.js';
import { generalNote, generalTitle, stageWithoutSectionNote } from './general-answer.js';
import { MARKDOWN_MARK } from './status-marks.js';
import { plural } from '../text/plural.js';

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** A session as Markdown that reads well on GitHub: answers, feedback and the reference outline. */
export function renderMarkdown(record: SessionRecord, report: ScoreReport, prompt: Prompt | null): string {
  const out: string[] = [];
  const i = record.interview;
  out.push(`# ${report.title}`, '');
  out.push(`Session \`${record.id}\` · ${sessionDate(record.createdAt)} · level ${report.level} · ${record.kind}${i ? ` · ${formatClock(i.usedMs)} of ${formatClock(i.durationMs)}` : ''}`, '');
  if (prompt) out.push(`> ${prompt.prompt}`, '');
  out.push(`**Overall: ${report.overall}/100 · ${VERDICT_LABEL[report.verdict]}**${report.penalty ? ` (${plural(report.penalty, 'point')} off for mistakes)` : ''}`, '');
  if (report.coverage !== undefined) out.push(`Rests on ${report.coverage}% of the checklist's weight earned, by depth${report.overallByLevel ? `; the same answer scores ${report.overallByLevel.mid} at mid, ${report.overallByLevel.senior} at senior, ${report.overallByLevel.staff} at staff` : ''}.`, '');
  out.push('| stage | score | time |', '|---|---:|---:|');
  for (const stage of report.stages) {
    const time = i ? `${formatClock(i.stageMs[stage.id] ?? 0)} / ${formatClock(i.budgets[stage.id])}` : '-';
    out.push(`| ${stage.title} | ${stage.score} | ${time} |`);
  }
  const general = record.answers.general?.trim() ?? '';
  if (general) out.push('', `## ${generalTitle(record.answers.sections)}`, '', `_${capitalise(generalNote(record.answers.sections))}._`, '', ...quote(general));
  for (const stage of report.stages) {
    out.push('', `## ${stage.title} · ${stage.score}/100`, '');
    const answer = record.answers.sections[stage.id];
    const draft = unsubmittedDraft(record, stage.id);
    if (answer?.trim()) out.push(...quote(answer), '');
    else if (!draft) out.push(general ? `_${capitalise(stageWithoutSectionNote(record.answers.sections).slice(1, -1))}._` : '_Not answered._', '');
    if (draft) out.push('_Typed but not submitted when the session stopped:_', '', ...quote(draft), '');
    for (const f of i?.followUps.filter((f) => f.stage === stage.id) ?? []) out.push(`**Follow-up:** ${f.question}`, '', ...quote(f.answer || '(no answer)'), '');
    for (const item of stage.items) {
      const mark = MARKDOWN_MARK[item.status];
      const depth = item.depthLevel === 'named' || (!item.depthLevel && item.depth === 'mention') ? ' (only named)' : item.depthLevel === 'chosen' ? ' (chosen, no reason given)' : item.depthLevel === 'justified' ? ' (justified)' : '';
      const note = item.status === 'prompted' ? ' (needed prompting)' : item.status === 'negated' ? ' (ruled out)' : depth;
      out.push(`- ${mark} **${item.label}**${note}`);
      if (item.evidence && item.status !== 'missed') out.push(`  - “${item.evidence}”`);
      if (item.status === 'missed' || item.status === 'negated') out.push(`  - Why it matters: ${item.why}`, `  - Hint: ${item.hint}`);
    }
  }
  if (report.redFlags.length > 0) {
    out.push('', '## Red flags', '');
    for (const flag of report.redFlags) {
      out.push(`- **${flag.label}** (${flag.severity}${flag.stage ? `, ${flag.stage}` : ''}): ${flag.why}`);
      if (flag.evidence) out.push(`  - “${flag.evidence}”`);
    }
  }
  if (report.nextSteps && report.nextSteps.length > 0) {
    out.push('', '## What would raise the score most', '');
    for (const step of report.nextSteps) {
      const what = step.kind === 'mistake' ? `Fix: ${step.label}` : step.kind === 'deepen' ? `Explain: ${step.label}` : step.label;
      out.push(`- **${what}**${step.gain > 0 ? ` (+${step.gain})` : ''}: ${step.advice}`);
      if (step.evidence) out.push(`  - “${step.evidence}”`);
    }
  }
  if (prompt) {
    out.push('', '## Reference outline');
    for (const stage of STAGES) out.push('', `### ${stage.title}`, '', ...prompt.outline[stage.id].map((p) => `- ${p}`));
  }
  return `${out.join('\n')}\n`;
}

/** Text as a Markdown block quote, every line of it (blank lines as a bare ">"), so line breaks and indents stay inside the quote. */
function quote(text: string): string[] {
  return text.trim().split('\n').map((l) => (l.trim() ? `> ${l}` : '>'));
}

/**
 * What was typed in a stage but not submitted when a practice session stopped (Ctrl-C, a closed
 * terminal, a signal): the interview's draft, if the session is unfinished and that stage is the one
 * it stopped in. Null otherwise. `resume` restores it; review shows it so nothing typed looks lost.
 */
export function unsubmittedDraft(record: SessionRecord, stage: StageId): string | null {
  const i = record.interview;
  if (!i || record.status === 'finished' || i.stage !== stage) return null;
  return i.draft.trim() ? i.draft : null;
}
