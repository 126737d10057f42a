import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/content/parse.js';
import { promptYaml, rubricYaml, splitList, splitPoints, toKebab } from '../../src/content/scaffold.js';
import { promptSchema, rubricSchema } from '../../src/content/schema.js';

const outline = { clarify: ['Ask the goal.'], frame: ['Predict x.'], data: ['Logs: clicks.'], model: ['Baseline first.'], evaluation: ['AUC offline.'], serving: ['Online.'], monitoring: ['Drift.'] };

describe('scaffolded content', () => {
  it('writes a prompt that validates, with the schema line and field comments', () => {
    const text = promptYaml(
      { id: 'fraud-detection', title: 'Payment fraud', prompt: 'Design fraud detection: for payments.', tags: ['fraud'], difficulty: 'hard', rubrics: [], clarifications: [{ topic: 'scale', patterns: ['how many', 'qps'], answer: 'About 5,000 payments per second.' }], outline },
      'file:///x/schemas/prompt.schema.json',
    );
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=file:///x/schemas/prompt.schema.json');
    expect(text).toContain('# What the interviewer reveals');
    const parsed = parseYaml(text, 'fraud-detection.yaml', promptSchema);
    expect(parsed.issues).toEqual([]);
    expect(parsed.value!.prompt).toBe('Design fraud detection: for payments.');
  });

  it('writes a rubric that validates', () => {
    const text = rubricYaml(
      { id: 'fraud-detection', title: 'Fraud', items: [{ id: 'chargebacks', stage: 'data', label: 'Chargeback labels', weight: 4, level: 'core', phrases: ['chargeback', 'dispute'], minMatches: 1, risk: false, why: 'Labels arrive late.', hint: 'Say how long labels take.', followUp: 'When do you know a payment was fraud?' }] },
      'file:///x/schemas/rubric.schema.json',
    );
    expect(parseYaml(text, 'fraud-detection.yaml', rubricSchema).issues).toEqual([]);
  });

  it('splits term lists on commas only', () => {
    expect(splitList(' a, b ;c,, ')).toEqual(['a', 'b ;c']);
  });

  it('splits outline points on semicolons only, so a point may hold a comma', () => {
    expect(splitPoints('Ask the goal, then the scale; Predict clicks ;; ')).toEqual(['Ask the goal, then the scale', 'Predict clicks']);
  });

  it('suggests a kebab-case id for what was typed', () => {
    expect(toKebab('Spam Filter')).toBe('spam-filter');
    expect(toKebab('  Ad_Click  Prediction! ')).toBe('ad-click-prediction');
    expect(toKebab('Café recs 2')).toBe('cafe-recs-2');
    expect(toKebab('!!!')).toBe('');
  });
});
