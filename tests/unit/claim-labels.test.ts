import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/reading/claims.js';
import { tokenize } from '../../src/reading/tokens.js';

describe('claim labels', () => {
  it('give each claim under one heading its own context tokens, numbered with its sentence (read once per text)', () => {
    const text = ['## Feature engineering', '', '- user age bucket', '- ad category', '- hour of day', '', '## Labels', '', '- clicks within 1 h'].join('\n');
    const { tokens, sentences } = analyze(text);
    const claims = sentences.filter((s) => s.kind === 'item');
    expect(claims).toHaveLength(4);
    const label = tokenize('Feature engineering').map((t) => t.raw);
    claims.forEach((claim, k) => {
      const own = tokens.slice(claim.firstToken, claim.endToken);
      const context = own.filter((t) => t.context);
      expect(context.map((t) => t.raw)).toEqual(k < 3 ? label : ['labels']);
      // Every token of the claim, its label's included, carries the claim's sentence number.
      expect(own.every((t) => t.sentence === sentences.indexOf(claim))).toBe(true);
      expect(context[0]!.sep).toBe('hard');
    });
    // The label's tokens are copies: marking one claim's does not mark another's.
    expect(tokens[claims[0]!.firstToken]).not.toBe(tokens[claims[1]!.firstToken]);
  });
});
