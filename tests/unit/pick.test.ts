import { describe, expect, it } from 'vitest';
import { promptSchema, type Prompt } from '../../src/content/schema.js';
import { pickPrompt } from '../../src/interview/pick.js';

const prompt = (id: string, tags: string[] = []): Prompt =>
  promptSchema.parse({
    id,
    title: id,
    prompt: 'Design it.',
    tags,
    difficulty: 'medium',
    clarifications: [{ topic: 'scale', patterns: ['how many'], answer: 'Many.' }],
    outline: Object.fromEntries(['clarify', 'frame', 'data', 'model', 'evaluation', 'serving', 'monitoring'].map((s) => [s, ['a']])),
  });

const prompts = ['a', 'b', 'c', 'd'].map((id) => prompt(id, id === 'd' ? ['vision'] : ['recsys']));
const picks = (lastPractised: Map<string, string>, tag?: string) =>
  new Set([0, 0.3, 0.6, 0.99].map((r) => {
    const result = pickPrompt({ prompts, tag, lastPractised, random: () => r });
    if ('error' in result) throw new Error(result.error);
    return result.prompt.id;
  }));

describe('picking a prompt to practise', () => {
  it('picks among the prompts never practised', () => {
    expect(picks(new Map([['a', '2026-11-01'], ['b', '2026-11-02']]))).toEqual(new Set(['c', 'd']));
  });

  it('picks among the least recently practised half once all have been practised', () => {
    const all = new Map([['a', '2026-11-04'], ['b', '2026-11-01'], ['c', '2026-11-03'], ['d', '2026-11-02']]);
    expect(picks(all)).toEqual(new Set(['b', 'd']));
  });

  it('keeps to a tag, and says which tags exist when none matches', () => {
    expect(picks(new Map(), 'vision')).toEqual(new Set(['d']));
    expect(pickPrompt({ prompts, tag: 'nlp', lastPractised: new Map(), random: () => 0 })).toEqual({ error: 'no prompt has the tag "nlp". Tags: recsys, vision' });
  });
});
