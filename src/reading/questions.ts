/**
 * Is a line a question? A question mark says so, and so does the way a question is phrased, since
 * people typing fast leave the mark out: "how many payments per second", "is this global", "any
 * existing model". Pure; one linear pattern on the line's first words.
 */

const OPENERS = new Set(
  ('what whats which who whom whose when where why how ' +
    'is are was were am do does did can could will would should shall may might must ' +
    'have has had any anything anyone roughly approximately').split(' '),
);

/** Whether the text (one claim or line) is a question, with or without a question mark. */
export function isQuestion(text: string): boolean {
  const t = text.trim();
  if (t.endsWith('?')) return true;
  const first = /^[\s"'(*_-]*([A-Za-z]+)/.exec(t)?.[1]?.toLowerCase() ?? '';
  if (!OPENERS.has(first)) return false;
  // "Is this global" asks; "How I would do it:" or "What we need is..." states.
  const words = t.toLowerCase().split(/\s+/).slice(0, 4).join(' ');
  if (/^(what|how|why|where|when) (i|we) /.test(words) && !/^(how|what|why|where|when) (i|we) (can|could|should|would|will|do|did|have)\b/.test(words)) return false;
  return !/[.!:]$/.test(t);
}
