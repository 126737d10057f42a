import { createRequire } from 'node:module';
import type { Env, MarkdownIt, Token as MdToken } from 'markdown-it';

/**
 * The one Markdown reading of an answer: a CommonMark parse (markdown-it) turned into blocks of
 * answer text with their context. Headings carry their path, list items their parent, table rows
 * their header cells. Code, images, link targets, HTML, reading lists and tables of contents are
 * not answer text and never become blocks. Pure. The parser is loaded on first use (by require, about
 * 13 ms), or ahead of it by `loadMarkdownParser`, which takes the copy bundled with the CLI (covered by
 * V8's code cache, files/code-cache.ts); commands that read no answer never load it.
 */

export type BlockKind = 'heading' | 'paragraph' | 'item' | 'row' | 'header';

export interface Block {
  kind: BlockKind;
  /** Plain text: inline markup removed, link text kept, images dropped. Soft breaks are '\n'. */
  text: string;
  /** 1-based line where the block starts. */
  line: number;
  /** Heading level 1-6 for headings; list nesting depth (1 = top) for items; 0 otherwise. */
  level: number;
  /** The titles of the headings this block sits under, outermost first. */
  headings: string[];
  /** For a list item: the text of its parent item, or of the short lead-in paragraph before the list. */
  parent?: string;
  /**
   * For a list item or a paragraph inside one: every enclosing item's text, and the lead-in paragraph
   * before the outermost list, outermost first (the last is `parent`).
   */
  parents?: string[];
  /** For a table row: the header cells; for header rows, the cells themselves. */
  header?: string[];
  /** For a table row or header: its cells. */
  cells?: string[];
}

type Parser = MarkdownIt;

type Create = (options: object) => Parser;

let parser: Parser | null = null;
let create: Create | null = null;

/**
 * Loads the Markdown parser ahead of use, from the CLI's bundle (`score` does, while it loads the content):
 * a bundled module is compiled from V8's code cache, a required one is compiled on every run.
 */
export async function loadMarkdownParser(): Promise<void> {
  create ??= (await import('markdown-it')).default as Create;
}

function markdown(): Parser {
  if (!parser) {
    create ??= createRequire(import.meta.url)('markdown-it') as Create;
    // HTML is parsed so that it can be dropped; linkify off: a bare URL stays text.
    parser = create({ html: true, linkify: false, typographer: false });
    rememberInlines(parser);
  }
  return parser;
}

/**
 * Inline parses already made, by the text parsed: `score` reads an answer twice, whole for its
 * sections (reading/sections.ts) and each section for its claims (claims.ts), and the paragraphs of a
 * section are the paragraphs of the whole. Inline parsing (emphasis, links, code spans) is most of a
 * parse. An inline parse is a function of its text alone when the document defines no link reference
 * ("[id]: url"): with this parser's options, the one other input of the inline rules is the document's
 * references. Parses of a document with references are neither remembered nor reused.
 *
 * The tokens stored are those of a finished parse (after the core's text_join, which joins adjacent
 * text tokens in place): given again, text_join leaves them as they are, and nothing here changes a
 * token, so a later parse may share them. A parse remembers its inlines only once it is done
 * (`settleInlines`), so two equal paragraphs of one document are both parsed.
 */
const inlines = new Map<string, MdToken[]>();
/** Inline parses of the parse under way: remembered once it is done. */
const pendingInlines: Array<[text: string, tokens: MdToken[]]> = [];
const INLINES_LIMIT = 5_000;

function rememberInlines(md: Parser): void {
  const inline = md.inline;
  const parse = inline.parse.bind(inline);
  inline.parse = (text, md, env, out) => {
    if (env.references !== undefined) return parse(text, md, env, out);
    const known = inlines.get(text);
    if (known) {
      for (const token of known) out.push(token);
      return;
    }
    parse(text, md, env, out);
    pendingInlines.push([text, out]);
  };
}

/** Remembers the inline parses of the parse just done (see `inlines`). */
function settleInlines(): void {
  if (inlines.size + pendingInlines.length > INLINES_LIMIT) inlines.clear();
  for (const [text, tokens] of pendingInlines) if (!inlines.has(text)) inlines.set(text, tokens);
  pendingInlines.length = 0;
}

/** Parses Markdown into markdown-it's tokens, reusing earlier inline parses where they hold (see `inlines`). Exported for tests. */
export function parseMarkdown(text: string): MdToken[] {
  pendingInlines.length = 0;
  const env: Env = {};
  const tokens = markdown().parse(text, env);
  // A document with link references made no inline parse that may be reused.
  if (env.references === undefined) settleInlines();
  else pendingInlines.length = 0;
  return tokens;
}

/** Headings whose sections are not answer text: reading lists, references, tables of contents. */
const NOT_ANSWER_HEADING = /^(?:references?|further reading|reading list|readings?|resources|sources|bibliography|links|useful links|see also|citations?|table of contents|contents|toc)$/i;

/** Reads Markdown into blocks of answer text. Linear in the length of the text. */
export function readBlocks(text: string): Block[] {
  const tokens = parseMarkdown(text);
  const blocks: Block[] = [];
  const headings: Array<{ level: number; title: string }> = [];
  /** Open list items: their text once known, to be the parent of nested items. */
  const items: Array<{ text: string | null; line: number }> = [];
  /** The short paragraph that introduces the next list ("Features:"). */
  let leadIn: string | null = null;
  let skipBelow = 0; // while > 0, blocks under a not-answer heading of this level are dropped
  let header: string[] | null = null;
  let row: string[] | null = null;
  let rowLine = 0;
  let inHead = false;
  let listDepth = 0;

  const path = () => headings.map((h) => h.title);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    switch (t.type) {
      case 'heading_open': {
        const level = Number(t.tag.slice(1));
        const title = inlineText(tokens[i + 1]).replace(/\s+/g, ' ').trim();
        while (headings.length > 0 && headings[headings.length - 1]!.level >= level) headings.pop();
        if (skipBelow > 0 && level <= skipBelow) skipBelow = 0;
        if (skipBelow === 0 && NOT_ANSWER_HEADING.test(title.replace(/[:.]$/, ''))) skipBelow = level;
        if (skipBelow === 0 && title) blocks.push({ kind: 'heading', text: title, line: lineOf(t), level, headings: path() });
        headings.push({ level, title });
        leadIn = null;
        i += 2;
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        listDepth++;
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        listDepth--;
        if (listDepth === 0) leadIn = null;
        break;
      case 'list_item_open':
        items.push({ text: null, line: lineOf(t) });
        break;
      case 'list_item_close':
        items.pop();
        break;
      case 'paragraph_open': {
        const inline = tokens[i + 1];
        const content = inlineText(inline).trim();
        i += 2;
        if (skipBelow > 0 || !content) break;
        if (items.length > 0) {
          const item = items[items.length - 1]!;
          const parentItem = items.length > 1 ? items[items.length - 2]!.text : leadIn;
          // The chain of enclosing texts: the lead-in, then each open item above this one.
          const chain = [...(leadIn ? [leadIn] : []), ...items.slice(0, -1).flatMap((o) => (o.text ? [o.text] : []))];
          if (item.text === null) {
            item.text = content;
            if (isReadingLink(inline)) break;
            blocks.push({ kind: 'item', text: content, line: lineOf(t), level: items.length, headings: path(), ...(parentItem ? { parent: parentItem } : {}), ...(chain.length > 0 ? { parents: chain } : {}) });
          } else {
            // A later paragraph of an item is read under the item's own first paragraph.
            blocks.push({ kind: 'paragraph', text: content, line: lineOf(t), level: 0, headings: path(), parent: item.text, parents: [...chain, item.text] });
          }
        } else {
          blocks.push({ kind: 'paragraph', text: content, line: lineOf(t), level: 0, headings: path() });
          leadIn = isLeadIn(content) ? content.replace(/:\s*$/, '') : null;
        }
        break;
      }
      case 'thead_open':
        inHead = true;
        header = [];
        break;
      case 'thead_close':
        inHead = false;
        if (header && header.some(Boolean) && skipBelow === 0) {
          blocks.push({ kind: 'header', text: header.filter(Boolean).join(', '), line: rowLine, level: 0, headings: path(), cells: header, header });
        }
        break;
      case 'tr_open':
        row = [];
        rowLine = t.map ? t.map[0] + 1 : rowLine;
        break;
      case 'tr_close':
        if (!inHead && row && row.some(Boolean) && skipBelow === 0) {
          const cells = row;
          const text = cells
            .map((c, k) => (c && header?.[k] && cells.filter(Boolean).length > 1 ? `${header[k]}: ${c}` : c))
            .filter(Boolean)
            .join('; ');
          blocks.push({ kind: 'row', text, line: rowLine, level: 0, headings: path(), cells, ...(header ? { header } : {}) });
        }
        row = null;
        break;
      case 'inline':
        // Table cells (paragraph and heading inlines are read above).
        if (row) {
          const cell = inlineText(t).replace(/\s+/g, ' ').trim();
          if (inHead) header?.push(cell);
          else row.push(cell);
        }
        break;
      case 'table_close':
        header = null;
        break;
      default:
        // fence, code_block, html_block, hr: not answer text.
        break;
    }
  }
  return blocks;
}

function lineOf(t: MdToken): number {
  return t.map ? t.map[0] + 1 : 1;
}

/**
 * "Features:" or "Offline metrics" on its own: a short paragraph that introduces what follows. A line
 * ending in a colon may be longer when it qualifies what it names ("Features, all computed as of the
 * authorization time:"): the list under it is still its content (claims.ts reads it under the head).
 */
function isLeadIn(content: string): boolean {
  if (content.includes('\n')) return false;
  if (/:$/.test(content)) return content.length <= LEAD_IN_MAX;
  return content.length <= 60 && content.split(/\s+/).length <= 4;
}

/** The longest line ending in a colon read as a lead-in, in characters. */
const LEAD_IN_MAX = 120;

/** A list item that is mostly a link: a reading list or a table of contents entry. */
function isReadingLink(inline: MdToken | undefined): boolean {
  if (!inline?.children) return false;
  let linked = 0;
  let total = 0;
  let depth = 0;
  for (const c of inline.children) {
    if (c.type === 'link_open') depth++;
    else if (c.type === 'link_close') depth--;
    else if (c.type === 'text' || c.type === 'code_inline') {
      const n = c.content.trim().length;
      total += n;
      if (depth > 0) linked += n;
    }
  }
  return total > 0 && linked / total >= 0.6;
}

/** The text of an inline token: link text kept, link targets, images and HTML dropped. */
export function inlineText(inline: MdToken | undefined): string {
  if (!inline) return '';
  if (!inline.children) return inline.content;
  const parts: string[] = [];
  let inCode = 0; // inside inline HTML <code>, <pre>, <kbd> or <samp>: code, not answer text
  for (const c of inline.children) {
    if (c.type === 'html_inline') {
      const tag = /^<(\/?)(code|pre|kbd|samp)\b/i.exec(c.content);
      if (tag) {
        inCode = Math.max(0, inCode + (tag[1] ? -1 : 1));
        parts.push(' ');
      }
      continue;
    }
    if (inCode > 0) continue;
    switch (c.type) {
      case 'text': {
        // A fence opened inside a line and never closed in it ("make: ```python" then code lines):
        // the rest of the paragraph is code.
        const fence = c.content.search(/`{3,}|~{3,}/);
        if (fence >= 0) {
          parts.push(c.content.slice(0, fence));
          return parts.join('');
        }
        parts.push(c.content);
        break;
      }
      case 'code_inline':
        // A term in backticks is answer text ("`logloss`"); a fence written inside a line
        // ("Eval: ```python auc = roc_auc(y, p)```") is code, as a fenced block is.
        // Dropped code leaves a space, so the words on either side stay two words ("10 ```x``` baseline").
        parts.push(c.markup.length < 3 ? c.content : ' ');
        break;
      case 'softbreak':
      case 'hardbreak':
        parts.push('\n');
        break;
      default:
        break; // image, html_inline, markup open/close: no text
    }
  }
  return parts.join('');
}
