import type * as Yaml from 'yaml';
import type { YamlSyntaxError } from './issue.js';

/**
 * Where a YAML syntax error starts, for a person to fix it. The `yaml` library reports a construct left
 * open (a flow sequence or mapping with no `]` or `}`, a quoted string with no closing quote) where it
 * noticed, which is past its end: the next line (`clarify: [unclosed` on line 1 is "2:1"). Such an error
 * is moved to the opening token of the construct, the innermost flow collection or quoted scalar whose
 * text ends where the error is reported; every other error keeps the library's own start. Pure: the
 * document, its line counter and the library's node checks go in (`yaml` is loaded by the caller, lazily
 * where it matters: reading/sections.ts).
 */

type YamlTools = Pick<typeof Yaml, 'visit' | 'isCollection' | 'isScalar'>;

/** An error as the library gives it: a code, a message and its offsets in the source. */
type LibraryError = { code: string; message: string; pos: [number, number]; linePos?: YamlSyntaxError['linePos'] };

/** Library error codes for a construct that was not closed (the `yaml` package's ErrorCode). */
const UNCLOSED_CODES = new Set(['MISSING_CHAR', 'BAD_INDENT', 'UNEXPECTED_TOKEN']);

export function errorStarts(doc: Yaml.Document.Parsed, errors: readonly LibraryError[], lineCounter: Yaml.LineCounter, yaml: YamlTools): YamlSyntaxError[] {
  const open = unclosedCandidates(doc, yaml);
  return errors.map((error) => {
    const kind = unclosedKind(error);
    if (!kind) return error;
    const at = error.pos[0];
    // The innermost construct of that kind whose text runs up to the point the error is reported.
    const opening = open
      .filter((c) => c.kind === kind && c.start < at && (c.end === at || c.nodeEnd === at))
      .reduce<{ start: number } | null>((best, c) => (!best || c.start > best.start ? c : best), null);
    return opening ? { ...error, linePos: [lineCounter.linePos(opening.start)] } : error;
  });
}

/** What an error's message says was left open: a flow collection, a quoted string, or nothing. */
function unclosedKind(error: LibraryError): 'flow' | 'quote' | null {
  if (!UNCLOSED_CODES.has(error.code)) return null;
  if (/^Missing closing .?quote/i.test(error.message)) return 'quote';
  if (/^Flow (sequence|map)/i.test(error.message) || /end with a [\]}]/.test(error.message)) return 'flow';
  return null;
}

interface Candidate {
  kind: 'flow' | 'quote';
  start: number;
  /** Where the node's value ends, and where the node with the space after it ends (the library's range). */
  end: number;
  nodeEnd: number;
}

function unclosedCandidates(doc: Yaml.Document.Parsed, { visit, isCollection, isScalar }: YamlTools): Candidate[] {
  const found: Candidate[] = [];
  visit(doc, {
    Node(_key, node) {
      const range = node.range;
      if (!range) return;
      if (isCollection(node) && node.flow) found.push({ kind: 'flow', start: range[0], end: range[1], nodeEnd: range[2] });
      else if (isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')) found.push({ kind: 'quote', start: range[0], end: range[1], nodeEnd: range[2] });
    },
  });
  return found;
}
