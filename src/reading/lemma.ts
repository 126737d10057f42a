import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageInfo } from '../package-root.js';

/**
 * Lemmas of irregular English verbs: "ran" is "run", "chosen" is "choose", "built" is "build", "was"
 * is "be". Regular endings are left to the Porter stemmer (src/scoring/stem.ts), which also joins a
 * verb with its noun ("predicts", "prediction"), as matching wants; what a stemmer cannot do is undo
 * an irregular form, and that is what a lemma list gives.
 *
 * The list is WordNet's verb exception list as the npm package `wink-lexicon` ships it (about 2,200
 * forms; `wink-lemmatizer` reads the same one). A full lemmatizer was measured and not taken:
 * wink-lemmatizer needs WordNet's whole word list and a part of speech per word, and loads in about
 * 160 ms and 23 MB, several times what scoring a long answer takes. WordNet's noun exceptions were
 * left out too: the few irregular plurals of the field (indices, matrices, analyses) are in stem.ts,
 * and the list reads verbs as plurals ("lives" as "life", "leaves" as "leaf"). The file is read once,
 * on first use, as text (100 KB) and parsed with one linear pattern, without running it as code.
 *
 * A form whose other sense is common in this field keeps its own reading ("data" is no "datum",
 * "bound" is no "bind", "left" is no "leave"). `npm run build` writes the table this gives as JSON
 * (dist/data/lemmas.json, checked by a test against the list), which is read instead when it is there
 * and sound: parsing the list took a few ms a run. Reading the files is the one impure step; a missing
 * package leaves every word as it is, never an error.
 */

/** Forms read as themselves: their everyday sense in ML design is not the lemma WordNet gives. */
const KEEP = new Set([
  'data', 'media', 'bound', 'bounds', 'left', 'axes', 'bases', 'lay', 'saw', 'found', 'thought', 'thoughts',
  'ground', 'rose', 'felt', 'wound', 'dove', 'lead', 'leads', 'means', 'news', 'series', 'species', 'spat', 'tore', 'bore',
  'sung', 'lent', 'hove', 'fell', 'stove', 'wrought', 'bit', 'bits',
]);

let table: Map<string, string> | null = null;

/** The form -> lemma table of WordNet's verb exceptions, from the text of wink-lexicon's file. Pure. */
export function parseVerbExceptions(text: string): Map<string, string> {
  const map = new Map<string, string>();
  // `const run = 'run';` names a lemma; `exceptions.ran = run;` maps a form to it.
  const names = new Map<string, string>();
  for (const m of text.matchAll(/^const (\w+) = '([a-z' -]+)';$/gm)) names.set(m[1]!, m[2]!);
  for (const m of text.matchAll(/^exceptions(?:\.(\w+)|\[\s*'([^']+)'\s*\]) = (\w+);$/gm)) {
    const form = m[1] ?? m[2]!;
    const lemma = names.get(m[3]!);
    if (lemma && /^[a-z]+$/.test(form) && /^[a-z]+$/.test(lemma) && !KEEP.has(form) && !map.has(form)) map.set(form, lemma);
  }
  return map;
}

/** The table from wink-lexicon's file; empty when the package is missing. */
export function lemmasFromSource(): Map<string, string> {
  try {
    const require = createRequire(import.meta.url);
    return parseVerbExceptions(readFileSync(require.resolve('wink-lexicon/src/wn-verb-exceptions.js'), 'utf8'));
  } catch {
    return new Map(); // No list: words keep their own form.
  }
}

/** Where `npm run build` writes the table, in mlsd's package. */
export function lemmaTableFile(root: string = packageInfo().root): string {
  return join(root, 'dist', 'data', 'lemmas.json');
}

/** The table as the build writes it: {"format": 1, "lemmas": [[form, lemma], ...]}. */
export function lemmaTableText(map: ReadonlyMap<string, string>): string {
  return JSON.stringify({ format: 1, lemmas: [...map] });
}

/**
 * The table in a file written by lemmaTableText, when it is one (pairs of lowercase words); null otherwise.
 * The text is checked whole against the one shape lemmaTableText writes (a linear pattern), then read
 * as JSON: checking 2,200 pairs one by one cost several ms a run.
 */
export function readLemmaTable(file: string = lemmaTableFile()): Map<string, string> | null {
  try {
    const text = readFileSync(file, 'utf8');
    if (!TABLE_TEXT.test(text)) return null;
    const { lemmas } = JSON.parse(text) as { lemmas: Array<[string, string]> };
    return new Map(lemmas);
  } catch {
    return null;
  }
}

/** The exact text lemmaTableText writes: {"format":1,"lemmas":[["form","lemma"],...]} with words of a-z. */
const TABLE_TEXT = /^\{"format":1,"lemmas":\[(?:\["[a-z]+","[a-z]+"\](?:,(?=\[)|(?=\])))*\]\}$/;

/** The lemma of an irregular form ("ran" -> "run"), or the word itself. Lowercase letters in. */
export function irregularLemma(word: string): string {
  table ??= readLemmaTable() ?? lemmasFromSource();
  return table.get(word) ?? word;
}
