import { readBlocks, type Block } from './markdown.js';
import { withRoleLabel, withRoles } from './roles.js';
import { withTaskNames } from './task-names.js';
import { tokenize, type Token } from './tokens.js';

/**
 * An answer text read into claims: each sentence, list item, table row or heading of the Markdown
 * reading, with its tokens for matching and whether it is a statement or a bare term. A line break
 * ends a claim, as a bullet does, except inside wrapped prose. Pure and linear in the text's length.
 */

export interface Sentence {
  /** The claim as the user wrote it, markup removed, for evidence. */
  text: string;
  /** 1-based line in the source where the claim starts. */
  line: number;
  firstToken: number;
  /** One past the last token. */
  endToken: number;
  /** A clause with a verb, a choice or a reason, as opposed to a bare list of terms. */
  statement: boolean;
  /** What kind of block the claim comes from. */
  kind: Block['kind'];
  /** The titles of the headings above the claim, outermost first. */
  headings: string[];
  /**
   * Tokens [start, end) of the block's opening label read again before this later sentence ("Baseline:
   * historical average. Then GBDT because it is fast."): a topic that concepts may use, but no item's
   * match on its own, which belongs to the label's own sentence.
   */
  carried?: [number, number];
}

export interface Analysis {
  tokens: Token[];
  sentences: Sentence[];
}

/** At most this many characters of one text are read; the rest is left unscored (see parseAnswers). */
export const MAX_READ_CHARS = 400_000;

/** Analyzes one text: claims with their tokens. */
export function analyze(text: string): Analysis {
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  const source = text.length > MAX_READ_CHARS ? text.slice(0, MAX_READ_CHARS) : text;
  const blocks = readBlocks(source);
  const title = documentTitle(blocks);
  // A heading or lead-in labels every claim under it: its words are read once per text, not per claim.
  const labelTokens = new Map<string, Token[]>();
  // Each block's claims, read once: emptyHeadings reads them too.
  const claims: Array<string[] | undefined> = new Array(blocks.length);
  const claimsAt = (b: number): string[] => (claims[b] ??= claimsOf(blocks[b]!));
  const empty = emptyHeadings(blocks, claimsAt);
  blocks.forEach((block, b) => {
    if (empty.has(b)) return;
    const labels = labelsOf(block, title);
    // A placeholder ("TBD.", "To do.", "x.") says nothing: it is no claim, under whatever heading.
    const parts = withoutPlaceholders(claimsAt(b));
    // "Online: start with 5% of accounts. Primary: resolved without a ticket." The label that opens a
    // block is the topic of all its sentences, the first one included.
    const opening = leadingLabel(parts[0] ?? '');
    parts.forEach((part, k) => {
      const index = sentences.length;
      const words = tokenize(asStatement(part), index);
      // A task's name standing on its own names the problem type: "Regression of minutes" (task-names.ts).
      // A role filled in a predicate names the role in the rubrics' words: "conversion as a guardrail" (roles.ts).
      const claimTokens = withRoles(withTaskNames(words));
      if (claimTokens.length === 0) return;
      const firstToken = tokens.length;
      // The claim is read after its labels: "Features:" then "- amount" reads "features is amount";
      // "Online, we'd look at deflection" reads "online is online, we'd look at deflection".
      // The first sentence starts with its own label in its words, so it stands outermost there and
      // the innermost heading or lead-in stays next to the claim ("Features:" / "- User: age" reads
      // "features is user is age").
      // An entry under a lead-in ("Features:" / "- watch history, because it captures taste") is the lead-in's
      // content: its opening words are its own name, not a topic standing between it and the lead-in.
      const topic = underLeadIn(block, title) ? [] : topicOf(part);
      const own = opening && k === 0 ? [opening, ...labels, ...topic] : [...labels, ...(opening ? [opening] : []), ...topic];
      // Where the opening label stands among a later sentence's labels (after the headings and lead-ins),
      // when it is only lent (see continuesLabel).
      const carriedAt = opening && k > 0 && !continuesLabel(parts[0]!, part, words) ? labels.length : -1;
      let carried: [number, number] | undefined;
      if (own.length > 0) {
        own.forEach((label, j) => {
          let read = labelTokens.get(label);
          if (!read) labelTokens.set(label, (read = tokenize(label)));
          // The label next to the claim, when it is a role ("Guardrails:"), is filled by a claim that names
          // something ("- hides per session"), not by one that goes on about it ("We add them later.").
          if (j === own.length - 1 && !LABEL_ONLY.test(part.trim()) && !BACK_REFERENCES.has(words[0]?.raw ?? '') && !SUBJECTS.has(words[0]?.raw ?? '')) read = withRoleLabel(read);
          const from = tokens.length;
          read.forEach((t, i) => tokens.push({ ...t, sentence: index, sep: i === 0 && j > 0 ? 'comma' : t.sep, context: true }));
          if (j === carriedAt) carried = [from, tokens.length];
        });
        // The copula joins label and claim; it belongs to neither, so a concept of the form "goal is"
        // finds the label's word in context and the copula in the claim.
        tokens.push({ raw: 'is', stem: 'be', sep: 'space', sentence: index });
        claimTokens[0] = { ...claimTokens[0]!, sep: 'space' };
      }
      // No spread: a claim may hold any number of tokens.
      for (const t of claimTokens) tokens.push(t);
      sentences.push({
        text: part,
        line: block.line,
        firstToken,
        endToken: tokens.length,
        statement: statementOf(block, words),
        kind: block.kind,
        headings: block.headings,
        ...(carried ? { carried } : {}),
      });
    });
  });
  return { tokens, sentences };
}

const PLACEHOLDER = /^(?:tbd|tba|tbc|todo|to do|to be (?:done|decided|determined|written|added|filled in)|fill (?:this )?in|placeholder|wip|coming soon|n a|na|x+|)$/;

/**
 * Whether a claim holds no answer: a placeholder ("TBD.", "To do.", "x.", "N/A", "...") written under a
 * heading to fill in later. Matched whole, on the words left once markup and punctuation are gone.
 */
export function isPlaceholder(claim: string): boolean {
  if (claim.length > 40) return false;
  return PLACEHOLDER.test(claim.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim());
}

const LABEL_ONLY = /^[^:\n]{1,60}:$/;

/**
 * The claims of a block that say something: placeholders left out, and a label line ("Trade-offs:")
 * followed in the block by nothing but placeholders before the next label or the block's end. A label
 * that ends the block keeps its place: what it introduces may follow (a list).
 */
function withoutPlaceholders(parts: string[]): string[] {
  if (!parts.some(isPlaceholder)) return parts;
  return parts.filter((part, k) => {
    if (isPlaceholder(part)) return false;
    if (!LABEL_ONLY.test(part) || k === parts.length - 1) return true;
    for (let j = k + 1; j < parts.length; j++) {
      if (!isPlaceholder(parts[j]!)) return !LABEL_ONLY.test(parts[j]!);
    }
    return false;
  });
}

/** A paragraph that is only a label ("Trade-offs:"): it introduces what follows, as a heading does. */
function isLabelOnly(block: Block): boolean {
  return block.kind === 'paragraph' && !block.parents && LABEL_ONLY.test(block.text.trim());
}

/**
 * Headings and label-only paragraphs with no answer under them (the blocks' indexes): nothing but
 * placeholders, sub-headings or labels before the next heading of the same or a higher level (for a
 * label, before the next heading or label). An outline of headings written first and never filled
 * covers nothing. One pass from the end: `seen[level]` says whether answer text stands below.
 * `claimsAt` gives a block's claims (claimsOf), by its index.
 */
function emptyHeadings(blocks: Block[], claimsAt: (b: number) => string[]): Set<number> {
  const empty = new Set<number>();
  const seen = new Array<boolean>(8).fill(false);
  for (let i = blocks.length - 1; i >= 0; i--) {
    const block = blocks[i]!;
    // A label stands below every heading (level 7); a heading of level L ends the sections of levels L and below.
    const level = block.kind === 'heading' ? block.level : isLabelOnly(block) ? 7 : 0;
    if (level === 0) {
      if (!claimsAt(i).every(isPlaceholder)) seen.fill(true);
      continue;
    }
    if (!seen[level]) empty.add(i);
    for (let l = level; l < seen.length; l++) seen[l] = false;
  }
  return empty;
}

/** Pronouns that open a sentence of the writer's own: "We add them later" under "Guardrails:" fills no role. */
const SUBJECTS = new Set(['i', 'we', 'you', 'he', 'she', 'there', 'let', 'lets']);

/** Words that open a sentence about what the one before was about ("it", "this"). */
const BACK_REFERENCES = new Set(['it', 'its', 'this', 'that', 'they', 'these', 'those', 'which']);

/**
 * Whether a later sentence of a block goes on about its opening label's topic, so the label is its own
 * topic as well (Sentence.carried is not set): the label stands alone on its line ("Features:" then
 * "user: past open rate ..."), or the sentence is a fragment with no clause of its own ("Baseline:
 * current rules. Cheap, and the A/B reference.") or opens by referring back ("It is cheap to serve.").
 * A statement of its own ("Then GBDT because it is fast.") only borrows the label.
 */
function continuesLabel(first: string, part: string, tokens: Token[]): boolean {
  if (LABEL_ONLY.test(first.trim())) return true;
  return !isStatement(tokens) || BACK_REFERENCES.has(tokens[0]?.raw ?? '');
}

/** Labels are short: a heading or lead-in of a few words, not a sentence. */
const LABEL_MAX_WORDS = 4;

function asLabel(text: string | undefined): string | null {
  if (!text) return null;
  // Every claim under a heading asks about it again: each text is read once.
  let known = labelCache.get(text);
  if (known === undefined) {
    if (labelCache.size >= LABELS_LIMIT) labelCache.clear();
    labelCache.set(text, (known = readLabel(text)));
  }
  return known;
}

const labelCache = new Map<string, string | null>();
const LABELS_LIMIT = 5_000;

function readLabel(text: string): string | null {
  const label = text.replace(/^\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]?\s+)/, '').replace(/[:.]\s*$/, '').trim();
  if (!label || label.includes('\n')) return null;
  if (label.split(/\s+/).length <= LABEL_MAX_WORDS) return label;
  // "Sources and how much I trust them", "Features and why each helps": a topic of a word or two, then what
  // will be said about it. The topic is the label.
  return TOPIC_THEN_QUESTION.exec(label)?.[1] ?? null;
}

/** A lead-in that names its topic and then what it says about it, in a clause of a question word. */
const TOPIC_THEN_QUESTION = /^([A-Za-z][\w/-]*(?:\s+(?!(?:and|with|plus)\b)[A-Za-z][\w/-]*)?)(?:\s*,)?\s+(?:(?:and|with|plus)\s+)?(?:how|what|why|which|where|when|who)\b/;

/**
 * The document's title: its one level-1 heading, when other headings stand below it ("# Ad click
 * prediction" over "## Data", "## Model"). A title names the whole answer, not what a claim is about.
 */
function documentTitle(blocks: Block[]): string | null {
  const headings = blocks.filter((b) => b.kind === 'heading');
  const top = headings.filter((b) => b.level === 1);
  return top.length === 1 && headings.length > 1 && headings[0] === top[0] ? top[0]!.text : null;
}

/**
 * The labels a claim is read under, outermost first: every short heading above it (at any depth,
 * the document title left out), then the short lead-in and enclosing items of a list item
 * ("## Online" / "### Engagement" / "- minutes watched per day"), and a table row's first cell.
 * Numbering is left out.
 */
function labelsOf(block: Block, title: string | null): string[] {
  if (block.kind === 'heading' || block.kind === 'header') return [];
  const out: string[] = [];
  block.headings.forEach((h, k) => {
    if (k === 0 && h === title) return;
    const label = asLabel(h);
    if (label) out.push(label);
  });
  for (const p of block.parents ?? []) {
    const label = asLabel(p) ?? asLabel(leadInHead(p));
    if (label) out.push(label);
  }
  // A table row is about what its first cell names ("| Online | share of posts people still see |").
  if (block.kind === 'row' && (block.cells?.filter(Boolean).length ?? 0) >= 2) {
    const label = asLabel(block.cells?.[0]);
    if (label) out.push(label);
  }
  return out;
}

/**
 * The head of a long lead-in: what it names before a comma, parenthesis or dash that qualifies it
 * ("Features, all computed as of the order time:" is about "Features"; "Guardrails (held to 1%):" about
 * "Guardrails"). The entries under it are its content, read under the head as under a short lead-in.
 * Undefined when nothing qualifies it.
 */
function leadInHead(text: string): string | undefined {
  const m = /^\s*([^,;:()\u2014\u2013]+?)\s*(?:,|\(|\s[\u2014\u2013-]\s)/.exec(text);
  return m ? m[1] : undefined;
}

/** Whether a list item is read under a lead-in or an enclosing item that labels it (labelsOf). */
function underLeadIn(block: Block, title: string | null): boolean {
  if (block.kind !== 'item') return false;
  return (block.parents ?? []).some((p) => asLabel(p) ?? asLabel(leadInHead(p))) && labelsOf(block, title).length > 0;
}

/** "Online: start with..." (or "features:" on a line of its own) opens with a label of up to three words. */
function leadingLabel(claim: string): string | null {
  const m = /^\s*([^\s:;,.]+(?:\s+[^\s:;,.]+){0,2}):(?:\s|$)/.exec(claim);
  return m ? m[1]! : null;
}

/**
 * A claim's words after its opening note label ("Metrics: AUC, NDCG" gives "AUC, NDCG"; see
 * leadingLabel), trimmed; the claim itself when it opens with none.
 */
export function afterLeadingLabel(claim: string): string {
  return leadingLabel(claim) === null ? claim : claim.slice(claim.indexOf(':') + 1).trim();
}

/** Conjunctions that, right after the comma, join a second clause to the first: no topic stands before them. */
const JOINED_AFTER_TOPIC = new Set(['so', 'but', 'because', 'and', 'or', 'since', 'therefore', 'thus', 'hence', 'yet', 'which', 'whereas', 'while', 'though', 'although']);

/** Words that open a topic before a comma: "For data, ...", "As for serving, ...". */
const TOPIC_OPENERS = /^(?:for|as for|on|regarding|about|in terms of)\s+/i;
const NOT_TOPIC = new Set(
  'i we you they he she it this that so and but or then also yes yeah okay ok hmm um uh well now first second finally basically actually honestly right sure maybe like no not never without a an the'.split(' '),
);

/**
 * "Online, we'd A/B test it and see if prevalence goes down": one to three words and a comma that
 * open a sentence name its topic, as a heading would. Pronouns, fillers and clauses are no topic.
 */
function topicOf(claim: string): string[] {
  const m = /^\s*([A-Za-z][A-Za-z/-]*(?:\s+[A-Za-z][A-Za-z/-]*){0,3}),\s+([^,;]*)/.exec(claim);
  if (!m) return [];
  const words = m[1]!.replace(TOPIC_OPENERS, '').toLowerCase().split(/\s+/);
  if (words.length === 0 || words.length > 3 || words.some((w) => NOT_TOPIC.has(w) || isClauseWord(w))) return [];
  // What follows is a clause ("we'd A/B test it"), not the next entry of a list ("baseline, GBDT, DCN").
  const rest = m[2]!.toLowerCase().replace(/'/g, ' ').split(/\s+/).filter(Boolean);
  if (rest.length < 4 || !rest.some((w) => isClauseWord(w))) return [];
  // "Traffic peaks daily, so we precompute": a clause joined to the words before the comma, which are a
  // clause of their own ("traffic peaks daily"), not a topic.
  if (JOINED_AFTER_TOPIC.has(rest[0]!)) return [];
  return [words.join(' ')];
}

/**
 * "Goal: fewer fraud losses" is a note for "goal is fewer fraud losses": a label of up to three
 * words then a colon, at the start of the claim or after a full stop ("eval: auc. online: ctr").
 */
const NOTE_LABEL = /(^|[.;]\s+)([^\s:;]+(?:\s+[^\s:;]+){0,2}):(?=\s)/g;

function asStatement(claim: string): string {
  return claim.includes(':') ? claim.replace(NOTE_LABEL, '$1$2 is') : claim;
}

function statementOf(block: Block, tokens: Token[]): boolean {
  // A row of a table with two or more filled cells compares or decides: it says something.
  if (block.kind === 'row') return (block.cells?.filter(Boolean).length ?? 0) >= 2 && tokens.length >= 3;
  // A header of three columns or more is a comparison table ("Option | Gain | Cost").
  if (block.kind === 'header') return (block.cells?.filter(Boolean).length ?? 0) >= 3;
  if (block.kind === 'heading') return false;
  return isStatement(tokens);
}

/** A list has at least this many comma-separated parts (as LIST_MIN_TERMS in scoring/list-of-terms.ts). */
const LIST_PARTS = 3;

/**
 * Whether a claim is a note label and a bare list after it: "Metrics: offline AUC of the ranker, NDCG,
 * MRR, recall at k.", "Features: post age, author, number of likes". The label reads as "metrics is
 * ..." (asStatement), which makes the claim a statement for depth; the copula is the reader's, not the
 * writer's, so for telling a bare list (the list-of-terms flag) the words after the label decide:
 * three or more comma-separated parts with no clause (isStatement) are a list, whatever topic the
 * label names. A label and one value ("Loss: log loss") is no list.
 */
export function labelledList(claim: string): boolean {
  const after = afterLeadingLabel(claim);
  if (after === claim) return false;
  const rest = tokenize(after);
  let parts = 1;
  for (const t of rest) if (t.sep === 'comma') parts++;
  return parts >= LIST_PARTS && !isStatement(rest);
}

/** The claims of a block: its lines (unless wrapped prose), each split into sentences. */
function claimsOf(block: Block): string[] {
  const out: string[] = [];
  for (const line of joinWrapped(block.text.split('\n'))) {
    for (const sentence of splitSentences(line)) out.push(sentence);
  }
  return out;
}

/**
 * Lines of a paragraph, with hard-wrapped prose joined again: a long line that does not end a
 * sentence, followed by one starting in lower case, continues it.
 */
function joinWrapped(lines: string[]): string[] {
  const out: string[] = [];
  for (const raw of lines) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (!line) continue;
    const prev = out[out.length - 1];
    if (prev !== undefined && prev.length >= 50 && !/[.!?:;]$/.test(prev) && /^[a-z(]/.test(line)) out[out.length - 1] = `${prev} ${line}`;
    else out.push(line);
  }
  return out;
}

// A sentence ends at . ! ? followed by space and a capital, digit, quote or markup; "e.g. the" stays whole.
const SENTENCE_END = /(?<=[.!?])["')\]]*\s+(?=[A-Z0-9"'(\[*_`])|(?<=\?)\s+/g;

function splitSentences(paragraph: string): string[] {
  return paragraph
    .split(SENTENCE_END)
    .map((part) => part.trim())
    .filter(Boolean);
}

// Words that make a run of terms a statement: pronouns, auxiliaries, common verbs, subordinators.
const CLAUSE_WORDS = new Set(
  (
    'i we you they he she it this that these those there which who what why how when where whether ' +
    'is are was were be been being am will would should could can may might must shall do does did done ' +
    'have has had use uses used using need needs want wants make makes help helps let lets get gets ' +
    'because so since if then than unless while although though otherwise therefore thus hence ' +
    'predict predicts train trains serve serves measure measures track tracks compute computes ' +
    'add adds keep keeps start starts run runs pick picks choose chooses prefer prefers rank ranks ' +
    'learn learns avoid avoids catch catches give gives show shows tell tells mean means matter matters ' +
    'assume assumes ask say says look looks try tries go goes take takes put puts come comes ' +
    // Imperative steps of a pipeline ("Fetch user features, then query the index") are statements too.
    'fetch query pull return send call store write read join apply remove update build trim merge ' +
    'insert generate retrieve sort select encode feed pass route push include contain combine capture ' +
    'detect flag block remove reduce improve increase decrease handle match produce provide require ' +
    'support split score filter blur embed cache label'
  ).split(' '),
);

/** A clause word, or its third-person form ("removes", "matches"). */
function isClauseWord(word: string): boolean {
  if (CLAUSE_WORDS.has(word)) return true;
  if (word.length > 3 && word.endsWith('s') && CLAUSE_WORDS.has(word.slice(0, -1))) return true;
  return word.length > 4 && word.endsWith('es') && CLAUSE_WORDS.has(word.slice(0, -2));
}

// "about 1 billion members", "300 million DAU", "150 ms at p99": notes that state numbers say something.
const QUANTITY_AFTER = new Set(['thousand', 'million', 'billion', 'percent', 'ms', 'milliseconds', 'seconds', 'minutes', 'hours', 'days', 'weeks', 'per']);
const QUANTITY_BEFORE = new Set(['about', 'around', 'roughly', 'approximately', 'under', 'over', 'nearly', 'almost']);

function isQuantity(tokens: Token[], i: number): boolean {
  if (!/^\p{N}+$/u.test(tokens[i]!.raw)) return false;
  // "300 thousand users" reads "300 1000 users" (reading/numbers.ts): a number before a magnitude.
  const next = tokens[i + 1]?.raw ?? '';
  return QUANTITY_AFTER.has(next) || QUANTITY_BEFORE.has(tokens[i - 1]?.raw ?? '') || (next === '1000' || next === '100');
}

/**
 * A statement is a clause with a verb, a choice or a reason. A run of comma-separated terms with no
 * clause word in most of its parts ("AUC, NDCG, drift, A/B test") is a list, not a statement.
 */
export function isStatement(tokens: Token[]): boolean {
  if (tokens.length < 3) return false;
  const chunks: Token[][] = [[]];
  for (const token of tokens) {
    if (token.sep === 'comma' || token.sep === 'hard') chunks.push([]);
    chunks[chunks.length - 1]!.push(token);
  }
  const parts = chunks.filter((c) => c.length > 0);
  const withClause = parts.filter((c) => c.some((t, i) => isClauseWord(t.raw) || isQuantity(c, i)));
  if (withClause.length === 0) return false;
  let longest = 0;
  for (const c of withClause) longest = Math.max(longest, c.length);
  if (parts.length >= 3) {
    // A list with one verb tacked on ("we use AUC, NDCG, MRR, recall, drift, PSI") still counts
    // only if a clause part is long enough to say something.
    const average = tokens.length / parts.length;
    if (average <= 2.5 && withClause.length / parts.length < 0.34 && longest < 5) return false;
  }
  return longest >= 3;
}
