import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
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

/** Every source, script and bin file, with its text, for the reference checks below. */
function sources(): Array<{ file: string; text: string }> {
  const out: Array<{ file: string; text: string }> = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(join(root, dir))) {
      const path = join(dir, name);
      if (statSync(join(root, path)).isDirectory()) walk(path);
      else if (/\.(?:ts|mjs|js)$/.test(name)) out.push({ file: path, text: readFileSync(join(root, path), 'utf8') });
    }
  };
  for (const dir of ['src', 'scripts', 'bin']) walk(dir);
  return out;
}

/** The `## ` and `### ` headings of a Markdown file. */
const headings = (file: string) => new Set([...readFileSync(join(root, file), 'utf8').matchAll(/^#{2,3} (.+)$/gm)].map((m) => m[1]!.trim()));

describe('what source comments point at', () => {
  const all = sources();

  it('is in the repository: never a DESIGN.md, every docs/ file cited exists', () => {
    expect(all.filter((s) => s.text.includes('DESIGN.md')).map((s) => s.file)).toEqual([]);
    const cited = all.flatMap((s) => [...s.text.matchAll(/\bdocs\/[\w-]+\.md\b/g)].map((m) => ({ file: s.file, doc: m[0] })));
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.filter((c) => !existsSync(join(root, c.doc)))).toEqual([]);
  });

  it('names sections that exist ("docs/architecture.md, Contracts"; README, "JSON output")', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const s of all) {
      for (const m of s.text.matchAll(/\b(docs\/[\w-]+\.md|README)(?:, | \()"?([A-Z][A-Za-z ]+?)"?(?=[).;]|$)/gm)) {
        checked++;
        const file = m[1] === 'README' ? 'README.md' : m[1]!;
        if (!headings(file).has(m[2]!)) missing.push(`${s.file}: ${file}, ${m[2]}`);
      }
    }
    expect(checked).toBeGreaterThanOrEqual(5);
    expect(missing).toEqual([]);
  });
});
