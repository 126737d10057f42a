import { describe, expect, it } from 'vitest';
import { questionText } from '../../src/ui/question.js';

describe('an inquirer question laid out for a narrow terminal', () => {
  it('is kept as it is when it fits after the "? " mark', () => {
    expect(questionText('Press Enter to start the clock', 80)).toBe('Press Enter to start the clock');
  });
  it('wraps at spaces, continued under the text, each row a column short of the edge', () => {
    const text = questionText('Press Enter to start the clock', 30);
    expect(text).toBe('Press Enter to start the\n  clock');
    expect(`? ${text}`.split('\n').every((row) => row.length < 30)).toBe(true);
  });
  it('keeps the leading spaces of a sub-question on every row', () => {
    expect(questionText('  Question patterns that reveal it (comma-separated):', 30)).toBe('  Question patterns that\n    reveal it\n    (comma-separated):');
  });
});
