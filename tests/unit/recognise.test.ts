import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { neitherMessage, recogniseContent } from '../../src/content/recognise.js';

const root = new URL('../..', import.meta.url).pathname;

describe('what a content file is by its top-level fields', () => {
  it('recognises the built-in prompts and rubrics, and half-written ones by a field of their own', () => {
    expect(recogniseContent(readFileSync(join(root, 'prompts', 'news-feed.yaml'), 'utf8'))).toEqual({ kind: 'prompt' });
    expect(recogniseContent(readFileSync(join(root, 'rubrics', 'framework.yaml'), 'utf8'))).toEqual({ kind: 'rubric' });
    expect(recogniseContent('id: x\noutline: {}\n')).toEqual({ kind: 'prompt' });
    expect(recogniseContent('title: X\nredFlags: []\n')).toEqual({ kind: 'rubric' });
  });

  it('says "neither" only for a mapping with no field of either kind; leaves the rest to the schema', () => {
    expect(recogniseContent('name: settings\ntheme: dark\n')).toEqual({ kind: 'neither', fields: ['name', 'theme'] });
    // Only fields both kinds have (a file begun), a list, empty text or broken YAML: the schema and parser say what is wrong.
    for (const text of ['id: x\ntitle: X\n', '- a\n- b\n', '', 'a: [1\n', 'just text']) expect(recogniseContent(text), text).toEqual({ kind: 'unknown' });
  });

  it('names at most six of the fields it found', () => {
    expect(neitherMessage(['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toMatch(/^not a prompt or a rubric: its fields are "a", "b", "c", "d", "e", "f", …; expected a prompt/);
    expect(neitherMessage([])).toMatch(/^not a prompt or a rubric: it has no fields;/);
  });
});
