#!/usr/bin/env node
// Lists, for every built-in prompt, the phrases of one item that a phrase of another item contains:
// saying the longer one earns both items. Most are fine (a specific term inside a general concept);
// the ones that are not ("anonymous users" earning privacy) need a more specific phrase.
// Usage: npm run build && node scripts/phrase-overlaps.mjs [prompt-id]
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildCatalog, rubricsFor } from '../dist/content/catalog.js';
import { analyze } from '../dist/scoring/analyze.js';
import { compilePhrase, MatchIndex, Vocabulary } from '../dist/scoring/phrase.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const read = (kind, dir) =>
  readdirSync(root + dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ kind, file: f, text: readFileSync(root + dir + '/' + f, 'utf8'), origin: 'built-in' }));
const catalog = buildCatalog([...read('rubric', 'rubrics'), ...read('prompt', 'prompts')]);
const only = process.argv[2];
const seen = new Set();
for (const { value: prompt } of catalog.prompts.values()) {
  if (only && prompt.id !== only) continue;
  const items = rubricsFor(catalog, prompt).flatMap((r) =>
    r.items.map((i) => ({ name: `${r.id}/${i.id}`, phrases: i.phrases.map((p) => ({ text: p, compiled: compilePhrase(p) })) })),
  );
  const vocabulary = new Vocabulary(items.flatMap((i) => i.phrases.map((p) => p.compiled)));
  for (const outer of items) {
    for (const long of outer.phrases) {
      const index = new MatchIndex(analyze(long.text).tokens, vocabulary);
      for (const inner of items) {
        if (inner === outer) continue;
        for (const short of inner.phrases) {
          const line = `${inner.name} "${short.text}" inside ${outer.name} "${long.text}"`;
          if (!seen.has(line) && index.find(short.compiled).length > 0) {
            seen.add(line);
            console.log(line);
          }
        }
      }
    }
  }
}
console.log(`${seen.size} overlaps`);
