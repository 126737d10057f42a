import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** docs/architecture.md and the README's layout section name every folder and top-level file of src/. */
const root = new URL('../..', import.meta.url).pathname;
const entries = readdirSync(join(root, 'src')).map((name) => (statSync(join(root, 'src', name)).isDirectory() ? `src/${name}/` : `src/${name}`));

describe('the documented layout', () => {
  it('names every part of src/ in docs/architecture.md', () => {
    const doc = readFileSync(join(root, 'docs', 'architecture.md'), 'utf8');
    expect(entries.filter((e) => !doc.includes(e))).toEqual([]);
  });

  it('names every folder of src/ in the README layout', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(entries.filter((e) => e.endsWith('/') && !readme.includes(e))).toEqual([]);
  });
});
