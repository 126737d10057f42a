import { describe, expect, it } from 'vitest';
import { matchHeading, parseAnswers } from '../../src/answers/parse.js';

describe('matching headings to stages', () => {
  it.each([
    ['Clarifying requirements', ['clarify']],
    ['1. Problem framing', ['frame']],
    ['Metrics', ['evaluation']],
    ['Offline evaluation', ['evaluation']],
    ['Feature engineering', ['data']],
    ['Training data', ['data']],
    ['Model training', ['model']],
    ['Prediction service', ['serving']],
    ['Deployment', ['serving']],
    ['Retraining and monitoring', ['monitoring']],
    ['Serving and monitoring', ['serving', 'monitoring']],
    ['Step 4: Model', ['model']],
    ['Open questions', []],
    ['Video recommendations', []],
  ])('%j → %j', (heading, stages) => {
    expect(matchHeading(heading)).toEqual(stages);
  });
});

describe('reading an answers file', () => {
  it('maps Markdown headings to stages and reports the mapping', () => {
    const md = [
      '# Design doc: homepage recommendations',
      'Some intro that belongs to no stage.',
      '## Requirements',
      'The goal is watch time.',
      '## Metrics',
      'We use NDCG offline.',
      '### Online',
      'Watch time in an A/B test.',
      '## Open questions',
      'Budget?',
    ].join('\n');
    const parsed = parseAnswers(md, 'answer.md');
    expect(parsed.format).toBe('markdown');
    expect(parsed.answers.sections.clarify).toContain('watch time');
    expect(parsed.answers.sections.evaluation).toContain('NDCG');
    expect(parsed.answers.sections.evaluation).toContain('A/B test'); // a sub-heading inherits its parent's stage
    expect(parsed.answers.general).toContain('Some intro');
    expect(parsed.answers.general).toContain('Budget?');
    expect(parsed.mapping.map((m) => [m.heading, m.stages, m.line])).toEqual([
      ['Design doc: homepage recommendations', [], 1],
      ['Requirements', ['clarify'], 3],
      ['Metrics', ['evaluation'], 5],
      ['Online', ['evaluation'], 7],
      ['Open questions', [], 9],
    ]);
  });

  it('accepts bold lines and "Name:" lines that name a stage as headings', () => {
    const parsed = parseAnswers('**Data**\nClicks are labels.\n\nServing:\nBatch predictions nightly.\n\nNote: this is rough.', 'a.txt');
    expect(parsed.answers.sections.data).toContain('Clicks are labels.');
    expect(parsed.answers.sections.serving).toContain('Batch predictions nightly.');
    expect(parsed.answers.sections.serving).toContain('Note: this is rough.');
  });

  it('keeps a heading-less answer whole', () => {
    const parsed = parseAnswers('We predict clicks.\nWe retrain daily.', 'a.txt');
    expect(parsed.format).toBe('text');
    expect(parsed.answers.sections).toEqual({});
    expect(parsed.answers.general).toContain('We retrain daily.');
  });

  it('ignores headings inside code fences', () => {
    const parsed = parseAnswers('## Model\n```\n# Monitoring\n```\nText.', 'a.md');
    expect(Object.keys(parsed.answers.sections)).toEqual(['model']);
  });

  it('reads YAML keyed by stage id, including lists of points', () => {
    const parsed = parseAnswers('clarify: |\n  What is the goal?\nmodel:\n  - baseline first\n  - then GBDT\n', 'a.yaml');
    expect(parsed.issues).toEqual([]);
    expect(parsed.format).toBe('yaml');
    expect(parsed.answers.sections.clarify).toBe('What is the goal?\n');
    expect(parsed.answers.sections.model).toBe('- baseline first\n- then GBDT');
  });

  it('points at an unknown YAML key with a suggestion', () => {
    const parsed = parseAnswers('clarify: ok\nmonitorin: drift\n', 'answers.yaml');
    expect(parsed.issues).toHaveLength(1);
    expect(parsed.issues[0]).toMatchObject({ file: 'answers.yaml', line: 2, col: 1, path: 'monitorin' });
    expect(parsed.issues[0]!.message).toContain('did you mean "monitoring"');
  });

  it('suggests the stage for a transposed key', () => {
    expect(parseAnswers('modle: x\n', 'a.yaml').issues[0]!.message).toContain('did you mean "model"');
  });

  it('rejects YAML that is not a mapping, and nested values', () => {
    expect(parseAnswers('- a\n- b\n', 'a.yaml').issues[0]!.message).toContain('expected a mapping');
    expect(parseAnswers('model:\n  a: 1\n', 'a.yml').issues[0]!.message).toContain('expected the answer as text');
    expect(parseAnswers('model: [unclosed\n', 'a.yml').issues[0]!.message).toContain('YAML syntax');
  });

  it('Markdown read as YAML gives the first three syntax errors and one line for the rest, not one per token (tryout 7)', () => {
    const markdown = ['# My answer', '', '## Model', 'GBDT with features: a, b: c', '- Labels: chargebacks: 60 days', '- Features: amount: currency', '  - velocity: count: [1h', '- Serving: online: 50 ms'].join('\n');
    const { issues } = parseAnswers(markdown, 'answer.yaml');
    expect(issues.length).toBe(4);
    expect(issues.slice(0, 3).every((i) => i.message.startsWith('YAML syntax: '))).toBe(true);
    // The library's own "at line N, column M:" is not repeated: the issue carries the position.
    expect(issues.some((i) => / at line \d+, column \d+/.test(i.message))).toBe(false);
    expect(issues[3]!.message).toMatch(/^and \d+ more YAML syntax errors from here on/);
    expect(issues[3]!.line).toBeGreaterThanOrEqual(issues[2]!.line);
  });
});
