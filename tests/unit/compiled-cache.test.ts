import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/content/catalog.js';
import { rubricsFor } from '../../src/content/scope.js';
import { compiledFile, compiledKey, phraseStems, readCompiled, shippedCompiledFile, writeCompiled } from '../../src/files/compiled-cache.js';
import { compiledForm } from '../../src/scoring/compile.js';
import { Vocabulary } from '../../src/scoring/phrase.js';
import { rememberStems, stemWord } from '../../src/scoring/stem.js';
import { clarificationPatterns } from '../../src/scoring/topics.js';
import { cacheText, shippedFile } from '../../src/files/content-cache.js';
import { contentPlaces, readContent } from '../../src/files/content-files.js';
import { resolvePaths } from '../../src/files/paths.js';
import { packageInfo } from '../../src/package-root.js';
import { compileRubrics } from '../../src/scoring/compile.js';
import { scoreAnswers } from '../../src/scoring/score.js';

const { root, version } = packageInfo();
let temp: string;
beforeEach(() => {
  temp = mkdtempSync(join(tmpdir(), 'mlsd-compiled-'));
});
afterEach(() => rmSync(temp, { recursive: true, force: true }));

async function builtin() {
  const places = contentPlaces({ ...resolvePaths({ MLSD_HOME: '/nonexistent' }), builtin: root }, {}, {}).filter((p) => p.origin === 'built-in');
  const catalog = buildCatalog((await readContent(places)).files);
  const prompt = catalog.prompts.get('ad-click-prediction')!.value;
  return { prompt, rubrics: rubricsFor(catalog, prompt) };
}

/** The compiled form of a prompt as the cache stores it. */
function stored(rubrics: Parameters<typeof compiledForm>[0], prompt: { clarifications?: Parameters<typeof clarificationPatterns>[0] }) {
  const form = compiledForm(rubrics, clarificationPatterns(prompt.clarifications));
  return { phrases: form.phrases, vocabulary: form.vocabulary.toForm() };
}

/** A compiled phrase as plain data (concept groups are sets). */
const plain = (phrases: Map<string, unknown>) => JSON.parse(JSON.stringify([...phrases], (_k, v: unknown) => (v instanceof Set ? [...v] : v))) as unknown;

describe('the compiled scoring cache (files/compiled-cache.ts)', () => {
  it('gives back exactly the phrases and the vocabulary written, concepts and clarifications included, and the same scores', async () => {
    const { prompt, rubrics } = await builtin();
    const form = stored(rubrics, prompt);
    expect([...form.phrases.values()].some((p) => p.concept)).toBe(true);
    const patterns = clarificationPatterns(prompt.clarifications);
    expect(patterns.length).toBeGreaterThan(5);
    for (const text of patterns) expect(form.phrases.has(text), text).toBe(true);
    const file = compiledFile(temp, prompt.id);
    const key = compiledKey('content-key', prompt.id, 'a'.repeat(64))!;
    await writeCompiled(file, key, version, prompt.id, form);
    const read = readCompiled(file, key, version, prompt.id);
    expect(read).not.toBeNull();
    expect(plain(read!.phrases)).toEqual(plain(form.phrases));
    expect(read!.vocabulary).toEqual(form.vocabulary);
    expect([...read!.stems]).toEqual([...phraseStems(form.phrases.values())]);
    expect(read!.stems.get('calibration')).toBe(stemWord('calibration'));
    const answers = {
      sections: {
        clarify: 'How many daily active users? What latency budget do we have for ranking?',
        frame: 'We rank ads by eCPM: pCTR times the bid, in a second price auction.',
        evaluation: 'A time split; log loss and calibraton, then an A/B tset on revenue.',
      },
    };
    const level = 'senior' as const;
    const restored = compileRubrics(rubrics, read!.phrases, new Vocabulary(read!.vocabulary));
    expect(scoreAnswers({ prompt, scope: restored, answers, level })).toEqual(scoreAnswers({ prompt, scope: compileRubrics(rubrics), answers, level }));
  });

  it('holds the red flags\' concept patterns, which the scorer takes as they are; a phrase written like one stays a phrase', async () => {
    const { prompt, rubrics } = await builtin();
    const flagged = rubrics.flatMap((r) => r.redFlags).filter((f) => f.patterns.length > 0);
    expect(flagged.length).toBeGreaterThan(0);
    const form = compiledForm(rubrics, clarificationPatterns(prompt.clarifications));
    const scope = compileRubrics(rubrics, form.phrases, form.vocabulary);
    for (const flag of flagged) {
      const compiled = scope.flags.find((f) => f.flag.id === flag.id && f.flag === flag);
      for (const pattern of flag.patterns) {
        const stored = form.phrases.get(`~${pattern.trim()}`);
        expect(stored?.concept, pattern).toBeDefined();
        if (compiled) expect(compiled.phrases).toContain(stored); // taken, not compiled again
      }
    }
    // A rubric phrase written as a pattern's compiled text keeps its own (word) reading, and the pattern its concept.
    const pattern = flagged[0]!.patterns[0]!;
    const clash = rubrics.map((r, k) => (k === 0 ? { ...r, items: r.items.map((item, j) => (j === 0 ? { ...item, phrases: [...item.phrases, `~${pattern.trim()}`] } : item)) } : r));
    const clashForm = compiledForm(clash);
    expect(clashForm.phrases.get(`~${pattern.trim()}`)?.concept).toBeUndefined();
    const clashScope = compileRubrics(clash, clashForm.phrases, clashForm.vocabulary);
    expect(clashScope.items[0]!.phrases.find((p) => p.text === `~${pattern.trim()}`)?.concept).toBeUndefined();
    const flagPhrases = clashScope.flags.find((f) => f.flag.patterns.includes(pattern))!.phrases;
    expect(flagPhrases.find((p) => p.text === `~${pattern.trim()}`)?.concept).toBeDefined();
  });

  it('restores a vocabulary that reads every word as the one built from the phrases does', async () => {
    const { rubrics } = await builtin();
    const built = compileRubrics(rubrics).vocabulary;
    const restored = new Vocabulary(JSON.parse(JSON.stringify(built.toForm())) as ReturnType<Vocabulary['toForm']>);
    expect(restored.toForm()).toEqual(built.toForm());
    const words = ['calibraton', 'calibration', 'leakge', 'downsampling', 'downsamplng', 'transformed', 'recommendation', 'reranking', 're', 'dow', 'xyz', 'monitorng', 'retrainng'];
    for (const raw of words) {
      expect(restored.startsWord(raw), raw).toBe(built.startsWord(raw));
      expect(restored.canonical(raw, raw), raw).toBe(built.canonical(raw, raw));
    }
  });

  it('holds phrase words whose stems are stemWord\'s own, so the scorer may take them as known stems', async () => {
    const { prompt, rubrics } = await builtin();
    const words = [...stored(rubrics, prompt).phrases.values()].filter((p) => !p.concept).flatMap((p) => p.tokens);
    expect(words.length).toBeGreaterThan(500);
    expect(words.filter((t) => stemWord(t.raw) !== t.stem).map((t) => `${t.raw} ${t.stem}`)).toEqual([]);
    // Remembering them changes no stem: not of those words, nor of others.
    const others = ['labelling', 'calibrated', 'running', 'indices', 'neighbours', 'transformers', 'zebra'];
    const before = others.map(stemWord);
    rememberStems(phraseStems(stored(rubrics, prompt).phrases.values()));
    expect(others.map(stemWord)).toEqual(before);
    expect(words.filter((t) => stemWord(t.raw) !== t.stem)).toEqual([]);
    // A remembered stem is what stemWord answers for a word it has not stemmed yet (the map is the source).
    rememberStems(new Map([['zzyzxq', 'zzyzxq-remembered']]));
    expect(stemWord('zzyzxq')).toBe('zzyzxq-remembered');
    rememberStems(new Map());
  });

  it('is keyed by the content, the build and the prompt, and has no key without a build id', () => {
    const key = (content: string, prompt: string, build: string | null) => compiledKey(content, prompt, build);
    const base = key('k', 'p', 'b');
    expect(new Set([base, key('k2', 'p', 'b'), key('k', 'p2', 'b'), key('k', 'p', 'b2')]).size).toBe(4);
    expect(key('k', 'p', null)).toBeNull();
    expect(key('', 'p', 'b')).toBeNull();
  });

  it('is not trusted when stale, cut short, edited, of another version or of the wrong shape', async () => {
    const { prompt, rubrics } = await builtin();
    const file = compiledFile(temp, prompt.id);
    const key = compiledKey('content-key', prompt.id, 'b'.repeat(64))!;
    await writeCompiled(file, key, version, prompt.id, stored(rubrics, prompt));
    const text = readFileSync(file, 'utf8');
    expect(readCompiled(file, key, version, prompt.id)).not.toBeNull();
    expect(readCompiled(file, compiledKey('other-content', prompt.id, 'b'.repeat(64))!, version, prompt.id)).toBeNull();
    expect(readCompiled(file, key, `${version}-other`, prompt.id)).toBeNull();
    expect(readCompiled(file, key, version, 'video-search')).toBeNull();
    const cut = text.indexOf('\n');
    const header = JSON.parse(text.slice(0, cut)) as { key: string };
    const kind = { cache: 'mlsd-compiled', format: 3 };
    const body = JSON.parse(text.slice(cut + 1)) as { prompt: string; phrases: Array<Record<string, unknown>>; stems: unknown[]; vocabulary: { stems: string[]; words: string[]; long: unknown[] } };
    const vocabulary = body.vocabulary;
    const token = (raw: string) => ({ raw, stem: raw, wildcard: false, optional: false });
    const withPhrase = (phrase: unknown) => cacheText(kind, header.key, version, JSON.stringify({ ...body, phrases: [phrase] }));
    // The body as written, hashed again, is read: the damaged bodies below fail on their shape alone.
    writeFileSync(file, cacheText(kind, header.key, version, JSON.stringify(body)));
    expect(readCompiled(file, key, version, prompt.id)).not.toBeNull();
    const damaged = [
      text.slice(0, text.length - 300), // cut short
      text.replace('"auction"', '"auctions"'), // edited: the hash no longer matches
      // a right hash over a body of the wrong shape: a token list longer than its joins, a token's field of the wrong type
      withPhrase({ text: 'x', tokens: [token('x'), token('y')], joins: [null] }),
      withPhrase({ text: 'x', tokens: [{ ...token('x'), wildcard: 'no' }], joins: [null] }),
      withPhrase({ text: 'x', tokens: [{ raw: 'x', stem: 'x' }], joins: [null] }),
      withPhrase({ text: 'x', tokens: [token('x')], joins: [3] }),
      withPhrase({ text: 'x', tokens: [token('x')], joins: [null], extra: 1 }),
      withPhrase({ text: '@x', tokens: [token('@x')], joins: [null], concept: [['a']] }),
      withPhrase(['x', ['x'], ['x'], '-', [null], null]), // the format-2 form of a phrase
      cacheText({ ...kind, format: 99 }, header.key, version, text.slice(cut + 1)),
      // the formats before: phrases only, then phrases as lists and no stems
      cacheText({ ...kind, format: 1 }, header.key, version, JSON.stringify({ prompt: prompt.id, phrases: body.phrases })),
      cacheText({ ...kind, format: 2 }, header.key, version, JSON.stringify({ prompt: prompt.id, phrases: [], vocabulary })),
      cacheText(kind, header.key, version, JSON.stringify({ prompt: prompt.id, phrases: body.phrases, vocabulary })),
      // stems of the wrong shape: not pairs, an empty stem
      cacheText(kind, header.key, version, JSON.stringify({ ...body, stems: [['model']] })),
      cacheText(kind, header.key, version, JSON.stringify({ ...body, stems: [['model', '']] })),
      // a vocabulary of the wrong shape: words out of order (it is bisected), a long word without a stem, a field missing
      cacheText(kind, header.key, version, JSON.stringify({ ...body, vocabulary: { ...vocabulary, words: [...vocabulary.words].reverse() } })),
      cacheText(kind, header.key, version, JSON.stringify({ ...body, vocabulary: { ...vocabulary, long: [['calibration']] } })),
      cacheText(kind, header.key, version, JSON.stringify({ ...body, vocabulary: { ...vocabulary, long: [['11c', [['calibration', '']]]] } })),
      cacheText(kind, header.key, version, JSON.stringify({ ...body, vocabulary: { ...vocabulary, long: [['11c', ['calibration', 'calibr']]] } })),
      cacheText(kind, header.key, version, JSON.stringify({ ...body, vocabulary: { stems: vocabulary.stems, words: vocabulary.words } })),
    ];
    for (const bad of damaged) {
      writeFileSync(file, bad);
      expect(readCompiled(file, key, version, prompt.id), bad.slice(0, 80)).toBeNull();
    }
  });

  it('ships the compiled form of every built-in prompt for this build (npm run build), equal to compiling its rubrics', async () => {
    // The build id stamped into the bundle, and the key of the shipped content (dist/content/builtin.json).
    const bundle = join(root, 'dist', 'bundle');
    const stamped = readdirSync(bundle).map((name) => /const STAMP = "([0-9a-f]{64})"/.exec(readFileSync(join(bundle, name), 'utf8'))?.[1]).filter(Boolean);
    expect(stamped).toHaveLength(1);
    const shipped = readFileSync(shippedFile(root), 'utf8');
    const shippedKey = (JSON.parse(shipped.slice(0, shipped.indexOf('\n'))) as { key: string }).key;
    const places = contentPlaces({ ...resolvePaths({ MLSD_HOME: '/nonexistent' }), builtin: root }, {}, {}).filter((p) => p.origin === 'built-in');
    const catalog = buildCatalog((await readContent(places)).files);
    expect(catalog.prompts.size).toBeGreaterThan(10);
    for (const { value: prompt } of catalog.prompts.values()) {
      const read = readCompiled(shippedCompiledFile(root, prompt.id), compiledKey(shippedKey, prompt.id, stamped[0]!)!, version, prompt.id);
      expect(read, prompt.id).not.toBeNull();
      const form = stored(rubricsFor(catalog, prompt), prompt);
      expect(plain(read!.phrases), prompt.id).toEqual(plain(form.phrases));
      expect(read!.vocabulary, prompt.id).toEqual(form.vocabulary);
    }
  });
});
