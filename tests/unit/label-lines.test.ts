import { describe, expect, it } from 'vitest';
import { scoreBuiltin } from '../helpers/builtin.js';
import { parseAnswers } from '../../src/answers/parse.js';

/** Stage of each mapped heading, as "Heading@line:stages". */
function mapped(text: string): string[] {
  return parseAnswers(text, 'notes.md').mapping.map((m) => `${m.heading}@${m.line}:${m.stages.join('+')}`);
}

describe('label lines in notes without blank lines', () => {
  it('every line that is only a stage label starts its own section', () => {
    const notes = 'Clarify:\nWho pays for a wrong block? The merchant.\nModel:\nBoosted trees since the data is tabular.\nEvaluation:\nRecall at a fixed review budget.';
    expect(mapped(notes)).toEqual(['Clarify@1:clarify', 'Model@3:model', 'Evaluation@5:evaluation']);
    const parsed = parseAnswers(notes, 'notes.md');
    expect(parsed.answers.sections.clarify).not.toContain('Boosted trees');
    expect(parsed.answers.sections.model).toContain('Boosted trees since the data is tabular.');
    expect(parsed.answers.sections.evaluation).toContain('Recall at a fixed review budget.');
  });

  it('reads the same sections as the blank-line version of the notes', () => {
    const tight = 'Data:\nLabels come from chargebacks.\nServing:\nScores computed on each request.';
    const spaced = 'Data:\n\nLabels come from chargebacks.\n\nServing:\n\nScores computed on each request.';
    expect(mapped(tight)).toEqual(['Data@1:data', 'Serving@3:serving']);
    expect(Object.keys(parseAnswers(tight, 'a.md').answers.sections)).toEqual(Object.keys(parseAnswers(spaced, 'a.md').answers.sections));
  });

  it('a label line inside a list item (a lazy continuation) starts a section too', () => {
    expect(mapped('- Clarify:\n- How many users? Ten million.\nMonitoring:\nWatch the score distribution.')).toEqual(['Clarify@1:clarify', 'Monitoring@3:monitoring']);
  });

  // Tryout 9 (3): notes written one stage per line ("Clarify: …" then "Model: …") switch stage at each
  // lead-in, as they do with blank lines between; a lead-in that names no stage still starts nothing.
  it('a stage lead-in followed by its text on a later line starts that stage, as its own paragraph would', () => {
    const notes = 'Clarify:\nWhat is the goal? Fewer losses.\nModel: boosted trees because the data is tabular.';
    expect(mapped(notes)).toEqual(['Clarify@1:clarify', 'Model@3:model']);
    expect(parseAnswers(notes, 'notes.md').answers.sections.model?.trim()).toBe('boosted trees because the data is tabular.');
    expect(mapped('Clarify:\nWhat is the goal? Fewer losses.\nNote: boosted trees because the data is tabular.')).toEqual(['Clarify@1:clarify']);
  });

  it('a colon line that names no stage, or says more than a label, starts nothing', () => {
    expect(mapped('Model:\nTwo options here:\nboosted trees or a small network.')).toEqual(['Model@1:model']);
    expect(mapped('Model:\nWe weigh these evaluation choices in the next part of the answer:\nlatency first.')).toEqual(['Model@1:model']);
  });
});

// The same readings through the whole scorer, on the built-in rubrics, as `mlsd score` runs them.
const scored = (promptId: string, text: string) => scoreBuiltin(promptId, text);
const statusOf = (report: ReturnType<typeof scored>, id: string) => report.stages.flatMap((s) => s.items).find((i) => i.id === id)?.status;

describe('label lines through the scorer', () => {
  it('tight notes are scored stage by stage, with no flag for a model picked while clarifying', () => {
    const report = scored('fraud-detection', 'Clarify:\nWhat does a missed fraud cost us? The full amount.\nModel:\nBoosted trees since the data is tabular.\nEvaluation:\nPR AUC since fraud is rare.');
    expect(report.redFlags.map((f) => f.id)).not.toContain('model-before-requirements');
    expect(report.stages.flatMap((s) => s.items).find((i) => i.id === 'model-choice')?.foundIn).toBe('model');
  });
});
