/**
 * Is a line a question? A question mark says so, and so does the way a question is phrased, since
 * people typing fast leave the mark out: "how many payments per second", "is this global", "any
 * existing model"; and so does a question reported as one ("I'd ask how many payments we see"). Pure;
 * linear patterns on the line's first words.
 */

const OPENERS = new Set(
  ('what whats which who whom whose when where why how ' +
    'is are was were am do does did can could will would should shall may might must ' +
    'have has had any anything anyone roughly approximately').split(' '),
);

// A question reported rather than asked, as written answers put them: "I'd ask how many payments we
// see", "I would ask whether this is global", "we need to find out what the fraud rate is", "Ask
// which regions are in scope". The verb must be followed by what is asked (a wh-word, whether, if, about).
export const REPORTED =
  /^[\s"'(*_-]*(?:(?:i|we)(?:'d|'ll| would| will| should| want to| need to| have to| must| first| then)*\s+(?:also\s+|first\s+)?|first,?\s+|then,?\s+)?(?:ask|check|clarify|confirm|find out|want to know|need to know|like to know)\s+(?:the interviewer\s+|them\s+)?(?:how|what|which|who|when|where|why|whether|if|about)\b/i;

/**
 * What any match of REPORTED holds: its verb, after no letter or digit. REPORTED is long to compile in a fresh
 * process; a line without its verb is not tried.
 */
export const REPORTING_VERB = /(?<![a-z0-9])(?:ask|check|clarify|confirm|find out|want to know|need to know|like to know)\s/i;

/** Whether the text (one claim or line) is a question, with or without a question mark. */
export function isQuestion(text: string): boolean {
  const t = text.trim();
  if (t.endsWith('?') || (REPORTING_VERB.test(t) && REPORTED.test(t))) return true;
  const first = /^[\s"'(*_-]*([A-Za-z]+)/.exec(t)?.[1]?.toLowerCase() ?? '';
  if (!OPENERS.has(first)) return false;
  // "Is this global" asks; "How I would do it:" or "What we need is..." states.
  const words = t.toLowerCase().split(/\s+/).slice(0, 4).join(' ');
  if (/^(what|how|why|where|when) (i|we) /.test(words) && !/^(how|what|why|where|when) (i|we) (can|could|should|would|will|do|did|have)\b/.test(words)) return false;
  return !/[.!:]$/.test(t);
}
