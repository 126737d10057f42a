import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCycles, importGraph, importsOf, layersFromDoc, partOf, type ImportEdge } from '../helpers/imports.js';

/**
 * The import structure docs/architecture.md describes ("Layers"): no module imports itself through others,
 * and at run time arrows point down the layer list. A type-only import vanishes when compiled, so it may
 * point up (a view names the type of the state it draws); a cycle counts whatever its imports.
 */
const root = new URL('../..', import.meta.url).pathname;
const layers = layersFromDoc(readFileSync(join(root, 'docs', 'architecture.md'), 'utf8'));
const graph = importGraph(root, 'src');
const runtime = graph.filter((e) => !e.typeOnly);
const layerOf = new Map(layers.flatMap((parts, depth) => parts.map((part) => [part, depth] as const)));

// The core takes data and returns data (docs/architecture.md, Layers): content, reading, answers, scoring,
// progress, and interview's state machines; interview/live-session.ts is the driver, which is given a clock,
// a terminal and a store.
const CORE = ['src/content/', 'src/reading/', 'src/answers/', 'src/scoring/', 'src/progress/', 'src/interview/'];
const DRIVERS = new Set(['src/interview/live-session.ts']);
const NOT_FOR_CORE = ['src/ui/', 'src/commands/', 'src/files/', 'src/store/', 'src/cli.ts'];
// content is the bottom of the core: the other core folders read content, never the other way.
const ABOVE_CONTENT = ['src/reading/', 'src/answers/', 'src/scoring/', 'src/progress/', 'src/interview/'];

const show = (edges: readonly ImportEdge[]) => edges.map((e) => `${e.from} -> ${e.to}`);

describe('the import structure of src/', () => {
  it('reads the layer list of docs/architecture.md', () => {
    expect(layers.length).toBeGreaterThanOrEqual(4);
    expect(layers[0]).toContain('src/cli.ts');
    expect(layers.at(-1)).toContain('src/files/');
    expect(layerOf.get('src/ui/')).toBeLessThan(layerOf.get('src/scoring/')!);
  });

  it('places every module in a layer', () => {
    const modules = new Set(graph.flatMap((e) => [e.from, e.to]));
    expect([...modules].filter((m) => !layerOf.has(partOf(m)))).toEqual([]);
  });

  it('has no import cycle, type-only imports included', () => {
    expect(findCycles(graph)).toEqual([]);
  });

  it('imports at run time only from the same layer or the layers below', () => {
    expect(show(runtime.filter((e) => layerOf.get(partOf(e.to))! < layerOf.get(partOf(e.from))!))).toEqual([]);
  });

  it('keeps the core free of views, commands, files and the store at run time', () => {
    const core = runtime.filter((e) => CORE.includes(partOf(e.from)) && !DRIVERS.has(e.from));
    expect(show(core.filter((e) => NOT_FOR_CORE.includes(partOf(e.to))))).toEqual([]);
  });

  it('keeps content below the rest of the core: content never imports reading or scoring at run time', () => {
    expect(show(runtime.filter((e) => partOf(e.from) === 'src/content/' && ABOVE_CONTENT.includes(partOf(e.to))))).toEqual([]);
  });
});

describe('the import checks themselves', () => {
  const edge = (from: string, to: string): ImportEdge => ({ from, to, typeOnly: false });

  it('find a cycle of two and of three modules, and none in a chain', () => {
    expect(findCycles([edge('a', 'b'), edge('b', 'a'), edge('b', 'c')])).toEqual([['a', 'b']]);
    expect(findCycles([edge('a', 'b'), edge('b', 'c'), edge('c', 'a')])).toEqual([['a', 'b', 'c']]);
    expect(findCycles([edge('a', 'b'), edge('b', 'c'), edge('a', 'c')])).toEqual([]);
  });

  it('tell type-only imports from runtime ones, dynamic imports included', () => {
    const text = [
      "import type { A } from './a.js';",
      "import { type B } from './b.js';",
      "import { type C, d } from './c.js';",
      "export type { E } from './e.js';",
      "export { f } from '../f.js';",
      "const g = await import('./g.js');",
      "import { h } from 'zod';",
    ].join('\n');
    expect(importsOf('/r', 'src/x/m.ts', text)).toEqual([
      { from: 'src/x/m.ts', to: 'src/x/a.ts', typeOnly: true },
      { from: 'src/x/m.ts', to: 'src/x/b.ts', typeOnly: true },
      { from: 'src/x/m.ts', to: 'src/x/c.ts', typeOnly: false },
      { from: 'src/x/m.ts', to: 'src/x/e.ts', typeOnly: true },
      { from: 'src/x/m.ts', to: 'src/f.ts', typeOnly: false },
      { from: 'src/x/m.ts', to: 'src/x/g.ts', typeOnly: false },
    ]);
  });

  it('read layers separated by | lines, two parts on one line included', () => {
    const doc = '## Layers\n\n```\nsrc/cli.ts   the program\nsrc/commands/  one per command\n   |\nsrc/ui/   views\n   continued (not src/x/)\n   |\nsrc/stages.ts  ids; src/errors.ts  codes\n```\n## Next\n';
    expect(layersFromDoc(doc)).toEqual([['src/cli.ts', 'src/commands/'], ['src/ui/'], ['src/stages.ts', 'src/errors.ts']]);
  });
});
