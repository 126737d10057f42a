import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/content/catalog.js';

// Adversarial shapes, not only random characters: the sequences a hostile prompt pack would use.
const hostilePiece = fc.oneof(
  fc.constantFrom('\u001b]52;c;cm0gLXJmIH4=\u0007', '\u001b]0;title\u001b\\', '\u001b[2J', '\u001b[?1049h', '\u001bP+q\u001b\\', '\u009b31m', '\u009d8;;x\u009c', '\r', '\u0007', '\u0000', '\u007f', '\u001b', '\u001b]', 'plain words'),
  fc.string({ maxLength: 8 }),
);
const hostileText = fc.array(hostilePiece, { minLength: 1, maxLength: 8 }).map((parts) => `x ${parts.join('')}`);
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) strings(v, out.concat(k));
  return out;
}

describe('content with terminal control, fuzzed (issue 13.1)', () => {
  it('always loads, holds no control character anywhere, and warns about every field that had one', () => {
    fc.assert(
      fc.property(fc.record({ title: hostileText, prompt: hostileText, answer: hostileText, point: hostileText, label: hostileText, hint: hostileText, followUp: hostileText }), (t) => {
        const prompt = {
          id: 'fuzz', title: t.title, prompt: t.prompt, difficulty: 'easy', rubrics: ['fuzz'],
          clarifications: [{ topic: 'scale', patterns: ['scale'], answer: t.answer }],
          outline: { clarify: [t.point], frame: ['a'], data: ['a'], model: ['a'], evaluation: ['a'], serving: ['a'], monitoring: ['a'] },
        };
        const rubric = { id: 'fuzz', title: 'Fuzz', items: [{ id: 'item', stage: 'model', label: t.label, weight: 1, phrases: ['calibration'], why: 'why', hint: t.hint, followUp: t.followUp }] };
        // JSON is YAML: every character reaches the parser exactly as generated.
        const catalog = buildCatalog([
          { kind: 'prompt', file: 'prompts/fuzz.yaml', text: JSON.stringify(prompt), origin: 'dir' },
          { kind: 'rubric', file: 'rubrics/fuzz.yaml', text: JSON.stringify(rubric), origin: 'dir' },
        ]);
        const loaded = [catalog.prompts.get('fuzz')?.value, catalog.rubrics.get('fuzz')?.value];
        for (const value of loaded) if (value) for (const s of strings(value)) expect(s).not.toMatch(CONTROL);
        // The schema trims text first, so control at either end is gone before it is looked for.
        const dirty = Object.values(t).filter((s) => CONTROL.test(s.trim().replace(/\r\n/g, ''))).length;
        const warned = catalog.issues.filter((i) => i.severity === 'warning' && i.message.startsWith('contains ')).length;
        if (loaded[0] && loaded[1]) expect(warned).toBe(dirty);
      }),
      { numRuns: 200 },
    );
  });
});
