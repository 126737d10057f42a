import { isMap, isScalar, parseDocument } from 'yaml';
import type { ContentKind } from './catalog.js';
import { promptSchema, rubricSchema } from './schema.js';

/**
 * What a content file is by its top-level fields, before its schema is checked: a prompt has fields only
 * prompts have (`prompt`, `clarifications`, `outline`…), a rubric fields only rubrics have (`items`,
 * `redFlags`…). `validate` uses it so that a YAML file that is neither (a tool's config left in a prompts
 * folder) is reported as that, not as a prompt missing six fields. Pure.
 */

/** The fields of one kind that the other kind does not have (`id` and `title` are both's). */
function ownFields(kind: ContentKind): string[] {
  const mine = Object.keys(kind === 'prompt' ? promptSchema.shape : rubricSchema.shape);
  const theirs = new Set(Object.keys(kind === 'prompt' ? rubricSchema.shape : promptSchema.shape));
  return mine.filter((f) => !theirs.has(f));
}

/** What `recogniseContent` found. */
export type ContentShape =
  /** A mapping with at least one field of its own to that kind (its schema decides the rest). */
  | { kind: ContentKind }
  /** A mapping with no field of either kind's own: `fields` are its top-level keys, as written. */
  | { kind: 'neither'; fields: string[] }
  /** Not a YAML mapping, not valid YAML, or only fields both kinds have: the parser's and the schema's own messages say what is wrong. */
  | { kind: 'unknown' };

/** Reads the top-level fields of a YAML text (see the module comment). Never throws. */
export function recogniseContent(text: string): ContentShape {
  let fields: string[];
  try {
    const doc = parseDocument(text, { uniqueKeys: false });
    if (doc.errors.length > 0 || !isMap(doc.contents)) return { kind: 'unknown' };
    fields = doc.contents.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : String(pair.key)));
  } catch {
    return { kind: 'unknown' };
  }
  if (fields.some((f) => ownFields('rubric').includes(f))) return { kind: 'rubric' };
  if (fields.some((f) => ownFields('prompt').includes(f))) return { kind: 'prompt' };
  // Only fields both kinds have (`id`, `title`): a file begun and not finished, which its schema describes best.
  const shared = new Set([...Object.keys(promptSchema.shape), ...Object.keys(rubricSchema.shape)]);
  if (fields.some((f) => shared.has(f))) return { kind: 'unknown' };
  return { kind: 'neither', fields };
}

/** The message for a file that is neither: what it holds and what each kind has. */
export function neitherMessage(fields: readonly string[]): string {
  const shown = fields.slice(0, 6).map((f) => `"${f}"`);
  const found = fields.length === 0 ? 'it has no fields' : `its fields are ${shown.join(', ')}${fields.length > shown.length ? ', …' : ''}`;
  return `not a prompt or a rubric: ${found}; expected a prompt (with prompt, clarifications, outline…) or a rubric (with items…); see \`mlsd schema prompt\` and \`mlsd schema rubric\``;
}
