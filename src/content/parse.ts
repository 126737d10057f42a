import { isCollection, isMap, isNode, isPair, isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { z } from 'zod';
import { closest } from '../text/closest.js';
import { fieldsAt } from './schema-fields.js';
import { MAX_FILE_BYTES } from '../limits.js';
import { yamlSyntaxIssues, type ContentIssue } from './issue.js';
import { errorStarts } from './yaml-error-start.js';

export { MAX_FILE_BYTES };
// A content issue and its one-line form live in issue.ts (no YAML there, so commands that only print issues do not load it).
export { formatIssue, type ContentIssue } from './issue.js';

export type PathKey = string | number;
/** Finds the line and column of a field, or of its nearest enclosing field that exists. */
export type Locator = (path: readonly PathKey[]) => { line: number; col: number };

export interface Parsed<T> {
  value: T | null;
  issues: ContentIssue[];
  locate: Locator;
}

const MAX_ALIASES = 100;
/**
 * The deepest nesting of mappings and lists a content file may have. The schemas need four or five levels;
 * far deeper documents are refused before they reach anything recursive (the YAML library's own limit is
 * the call stack, which it reports as "Maximum call stack size exceeded").
 */
export const MAX_YAML_DEPTH = 64;
const TOO_DEEP = `nested too deeply (more than ${MAX_YAML_DEPTH} levels of mappings and lists)`;

/** Parses YAML and validates it; every problem is reported with its position, not only the first. */
export function parseYaml<S extends z.ZodType>(source: string, file: string, schema: S): Parsed<z.output<S>> {
  const lineCounter = new LineCounter();
  const issue = (line: number, col: number, path: string, message: string): ContentIssue => ({
    file, line, col, path, message, severity: 'error',
  });
  const noLocation: Locator = () => ({ line: 1, col: 1 });
  if (source.length > MAX_FILE_BYTES) {
    return { value: null, locate: noLocation, issues: [issue(1, 1, '', `file is larger than ${MAX_FILE_BYTES / 1_000_000} MB; content files are small YAML documents`)] };
  }
  let doc: Document.Parsed;
  try {
    doc = parseDocument(source, { lineCounter, prettyErrors: true, uniqueKeys: true });
  } catch (error) {
    return { value: null, locate: noLocation, issues: [issue(1, 1, '', `cannot parse YAML: ${describe(error)}`)] };
  }
  const locate: Locator = (path) => locateIn(doc, lineCounter, path);
  if (doc.errors.length > 0) {
    return {
      value: null,
      locate,
      // The library's stack running out is not a syntax error of the file: say what is wrong with it.
      issues: yamlSyntaxIssues(file, errorStarts(doc, doc.errors, lineCounter, { visit, isCollection, isScalar }), (message) => (/Maximum call stack size exceeded/i.test(message) ? TOO_DEEP : `YAML syntax: ${firstLine(message)}`)),
    };
  }
  const deep = tooDeepAt(doc);
  if (deep) {
    const pos = lineCounter.linePos(deep);
    return { value: null, locate, issues: [issue(pos.line, pos.col, '', TOO_DEEP)] };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    return { value: null, locate, issues: [issue(1, 1, '', `cannot read YAML: ${describe(error)}`)] };
  }
  if (data === null || data === undefined) {
    return { value: null, locate, issues: [issue(1, 1, '', 'file is empty: expected a YAML mapping of fields')] };
  }
  const result = schema.safeParse(data);
  if (result.success) return { value: result.data, issues: [], locate };
  const issues = result.error.issues.map((zi) => {
    const path = zi.path.filter((k): k is PathKey => typeof k === 'string' || typeof k === 'number');
    if (zi.code === 'unrecognized_keys') {
      const keys = zi.keys;
      const at = locateKey(doc, lineCounter, path, keys[0]) ?? locate(path);
      const hints = keys.map((k) => {
        const near = closest(k, fieldsAt(schema, path));
        return near && near !== k ? `"${k}" (did you mean "${near}"?)` : `"${k}"`;
      });
      return issue(at.line, at.col, dotPath(path), `unknown field${keys.length > 1 ? 's' : ''} ${hints.join(', ')}`);
    }
    const at = locate(path);
    const value = valueAt(data, path);
    // Whatever the check (a type, one of a few values), a field that is not there is missing: say so.
    const missing = value === undefined && path.length > 0 && typeof path[path.length - 1] === 'string';
    // zod's own wording ("Invalid input: expected object, received undefined") is put in YAML words;
    // a message the schema wrote itself is kept.
    const zodWords = zi.message.startsWith('Invalid input');
    const expected = zi.code === 'invalid_type' && zodWords ? `expected ${kindInWords(zi.expected)}` : null;
    const message = missing
      ? `missing required field "${String(path[path.length - 1])}": ${expected ?? zi.message}`
      : expected
        ? `${expected}, found ${valueInWords(value)}`
        : zi.message.replace(/^Invalid input: /, '');
    return issue(at.line, at.col, dotPath(path), message);
  });
  return { value: null, issues, locate };
}

/** A zod type name as a YAML author says it: "object" is a mapping of fields, "array" a list. */
function kindInWords(expected: string): string {
  const words: Record<string, string> = {
    object: 'a mapping of fields (key: value lines)',
    array: 'a list (lines starting with "- ", or [a, b])',
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
  };
  return words[expected] ?? expected;
}

/** What a YAML value is, for "expected a list, found text". */
function valueInWords(value: unknown): string {
  if (value === null) return 'nothing (an empty value)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping of fields';
  if (typeof value === 'string') return `text "${value.length > 30 ? `${value.slice(0, 30)}…` : value}"`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  return typeof value;
}

function locateIn(doc: Document.Parsed, lineCounter: LineCounter, path: readonly PathKey[]): { line: number; col: number } {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]);
  }
  return { line: 1, col: 1 };
}

function locateKey(doc: Document.Parsed, lineCounter: LineCounter, path: readonly PathKey[], key: string | undefined) {
  const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (!isMap(node) || key === undefined) return null;
  const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
  if (pair && isScalar(pair.key) && pair.key.range) return lineCounter.linePos(pair.key.range[0]);
  return null;
}

function valueAt(data: unknown, path: readonly PathKey[]): unknown {
  let value: unknown = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PathKey, unknown>)[key];
  }
  return value;
}

export function dotPath(path: readonly PathKey[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** The offset of the first collection nested deeper than MAX_YAML_DEPTH, or null. Iterative: no recursion on the file's depth. */
function tooDeepAt(doc: Document.Parsed): number | null {
  const stack: Array<{ node: unknown; depth: number }> = [{ node: doc.contents, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (!isCollection(node)) continue;
    if (depth > MAX_YAML_DEPTH) return node.range?.[0] ?? 0;
    for (const item of node.items) {
      if (isPair(item)) {
        stack.push({ node: item.key, depth: depth + 1 }, { node: item.value, depth: depth + 1 });
      } else stack.push({ node: item, depth: depth + 1 });
    }
  }
  return null;
}

function describe(error: unknown): string {
  if (error instanceof RangeError) return TOO_DEEP;
  return error instanceof Error ? firstLine(error.message) : String(error);
}
