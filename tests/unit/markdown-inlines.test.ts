import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { MarkdownIt, Token } from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, readBlocks } from '../../src/reading/markdown.js';
import { parseAnswers } from '../../src/reading/sections.js';

const FIXTURES = new URL('../fixtures/answers/', import.meta.url);
const fresh = (createRequire(import.meta.url)('markdown-it') as (o: object) => MarkdownIt)({ html: true, linkify: false, typographer: false });

/** Tokens as plain data, to compare a parse that reuses inline parses with one that does not. */
const plain = (tokens: Token[]): string => JSON.stringify(tokens);
const same = (text: string) => expect(plain(parseMarkdown(text)), text.slice(0, 80)).toBe(plain(fresh.parse(text, {})));

describe('Markdown inline parses reused (reading/markdown.ts): the tokens of a parse from scratch', () => {
  it('on every fixture answer, whole and then section by section, as score reads them', () => {
    const files = readdirSync(FIXTURES).filter((f) => /\.md$/.test(f));
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) {
      const text = readFileSync(new URL(file, FIXTURES), 'utf8');
      same(text);
      const { answers } = parseAnswers(text, file);
      for (const section of [...Object.values(answers.sections), answers.general ?? '']) same(section ?? '');
      same(text);
    }
  });

  it('with equal paragraphs in one document, and text tokens joined by the parse (escapes, entities)', () => {
    const text = 'Escaped \\*stars\\* &amp; `code` and *em*.\n\nEscaped \\*stars\\* &amp; `code` and *em*.\n\n- Escaped \\*stars\\* &amp; `code` and *em*.\n';
    same(text);
    same(text);
    same('Escaped \\*stars\\* &amp; `code` and *em*.');
  });

  it('a link reference holds only in the document that defines it, before or after one that does not', () => {
    const used = 'See [the paper] and [x][id].';
    same(used);
    same(`${used}\n\n[the paper]: https://example.com\n[id]: https://example.org "t"\n`);
    same(used);
    expect(readBlocks(used)[0]!.text).toBe('See [the paper] and [x][id].');
    expect(readBlocks(`${used}\n\n[the paper]: https://example.com\n[id]: https://example.org\n`)[0]!.text).toBe('See the paper and x.');
    expect(readBlocks(used)[0]!.text).toBe('See [the paper] and [x][id].');
  });
});
