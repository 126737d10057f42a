import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** One relative import of a module: its target (repo-relative, .ts), and whether it exists only for types. */
export interface ImportEdge {
  from: string;
  to: string;
  typeOnly: boolean;
}

/**
 * The relative imports of one TypeScript source: static imports and re-exports, and dynamic `import()`.
 * `import type`, `export type` and an import whose every named binding is `type` are type-only: they
 * vanish at run time. Paths are resolved against `file` and given with `.ts`, relative to `root`.
 */
export function importsOf(root: string, file: string, text: string): ImportEdge[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const edges: ImportEdge[] = [];
  const add = (specifier: ts.Expression | undefined, typeOnly: boolean) => {
    if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) return;
    const to = relative(root, resolve(dirname(join(root, file)), specifier.text.replace(/\.js$/, '.ts')));
    edges.push({ from: file, to, typeOnly });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
      const typeOnly = !!clause && (clause.isTypeOnly || (!clause.name && !!named && named.length > 0 && named.every((e) => e.isTypeOnly)));
      add(node.moduleSpecifier, typeOnly);
    } else if (ts.isExportDeclaration(node)) {
      const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : undefined;
      add(node.moduleSpecifier, node.isTypeOnly || (!!named && named.length > 0 && named.every((e) => e.isTypeOnly)));
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node.arguments[0], false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edges;
}

/** Every import of every .ts file under `dir` (repo-relative, e.g. "src"). */
export function importGraph(root: string, dir: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  const walk = (at: string): void => {
    for (const name of readdirSync(join(root, at)).sort()) {
      const path = join(at, name);
      if (statSync(join(root, path)).isDirectory()) walk(path);
      else if (path.endsWith('.ts')) edges.push(...importsOf(root, path, readFileSync(join(root, path), 'utf8')));
    }
  };
  walk(dir);
  return edges;
}

/** The strongly connected components with more than one module (or a module importing itself): the cycles. Tarjan's algorithm. */
export function findCycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
    if (!next.has(e.to)) next.set(e.to, []);
  }
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const connect = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v)!) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || next.get(v)!.includes(v)) cycles.push(component.sort());
  };
  for (const v of next.keys()) if (!index.has(v)) connect(v);
  return cycles;
}

/**
 * The layers of docs/architecture.md's "Layers" block, top first: each a list of parts (`src/ui/`,
 * `src/stages.ts`) named at the start of an unindented line; a line holding only `|` separates layers.
 */
export function layersFromDoc(doc: string): string[][] {
  const section = doc.split(/^## /m).find((s) => s.startsWith('Layers'));
  const block = section?.split('```')[1];
  if (!block) return [];
  const layers: string[][] = [[]];
  for (const line of block.split('\n')) {
    if (/^\s+\|\s*$/.test(line)) layers.push([]);
    else if (/^\S/.test(line)) layers[layers.length - 1]!.push(...(line.match(/(?<![\w/])(?:src|bin)\/[\w.-]+(?:\/|\.[jt]s)/g) ?? []));
  }
  return layers.filter((l) => l.length > 0);
}

/** The part of the layer list a module belongs to: its folder under src/ (`src/ui/`), or itself (`src/cli.ts`). */
export function partOf(module: string): string {
  const [top, second] = module.split('/');
  return module.split('/').length > 2 ? `${top}/${second}/` : module;
}
