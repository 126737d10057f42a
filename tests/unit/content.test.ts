import { describe, expect, it } from 'vitest';
import { buildCatalog as buildBare, rubricsFor, type SourceFile } from '../../src/content/catalog.js';
import { checkRubricPhrases } from '../../src/scoring/rubric-phrase-checks.js';
import { formatIssue, parseYaml } from '../../src/content/parse.js';
import { promptSchema, rubricSchema } from '../../src/content/schema.js';

const rubricYaml = (id: string, items = 'items:\n  - id: baseline\n    stage: model\n    label: Baseline\n    weight: 3\n    phrases: [baseline, simple model]\n    why: w\n    hint: h\n    followUp: f?\n') =>
  `id: ${id}\ntitle: T\n${items}`;

const promptYaml = (id: string, rubrics = '[]') => `id: ${id}
title: A prompt
prompt: Design something.
difficulty: medium
rubrics: ${rubrics}
clarifications:
  - topic: scale
    patterns: [how many users]
    answer: Ten million.
outline:
  clarify: [a]
  frame: [a]
  data: [a]
  model: [a]
  evaluation: [a]
  serving: [a]
  monitoring: [a]
`;

// As commands build it: with the phrase checks that need the reader.
const buildCatalog = (files: readonly SourceFile[]) => buildBare(files, [checkRubricPhrases]);

const file = (kind: 'prompt' | 'rubric', name: string, text: string, origin: SourceFile['origin'] = 'built-in'): SourceFile => ({
  kind, file: `${origin}/${kind}s/${name}.yaml`, text, origin,
});

describe('parsing a content file', () => {
  it('reports a YAML syntax error with its line and column', () => {
    const { issues } = parseYaml('id: x\ntitle: [unclosed\nitems: []\n', 'r.yaml', rubricSchema);
    // Where the unclosed bracket opens (tryout 11), not the next line, where the library noticed it.
    expect(issues[0]).toMatchObject({ file: 'r.yaml', line: 2, col: 8 });
    expect(issues[0]!.message).toMatch(/^YAML syntax/);
  });

  it('caps a cascade of YAML syntax errors at three and one line for the rest (tryout 7)', () => {
    const notYaml = Array.from({ length: 20 }, (_, i) => `- point ${i}: a: b: [c`).join('\n');
    const { issues } = parseYaml(`id: x\n${notYaml}\n`, 'p.yaml', rubricSchema);
    expect(issues).toHaveLength(4);
    expect(issues[3]!.message).toMatch(/^and \d+ more YAML syntax errors/);
    // One error alone is shown as it is, with no summary line.
    expect(parseYaml('id: x\ntitle: [unclosed\nitems: []\n', 'r.yaml', rubricSchema).issues).toHaveLength(1);
  });

  it('reports every schema error, each at its field', () => {
    const src = 'id: Bad Id\ntitle: T\nitems:\n  - id: a\n    stage: modle\n    label: A\n    weight: "3"\n    phrases: []\n    why: w\n    hint: h\n    followUp: f\n';
    const { issues } = parseYaml(src, 'r.yaml', rubricSchema);
    const lines = issues.map(formatIssue);
    expect(lines).toEqual(expect.arrayContaining([
      expect.stringMatching(/^r\.yaml:1:5 id: expected a kebab-case id/),
      expect.stringMatching(/^r\.yaml:5:12 items\[0\]\.stage: expected one of the stage ids/),
      expect.stringMatching(/^r\.yaml:7:13 items\[0\]\.weight: expected a weight/),
      expect.stringMatching(/^r\.yaml:8:14 items\[0\]\.phrases: list at least 1 phrases/),
    ]));
  });

  it('rejects an unknown field at the key, suggesting the intended one', () => {
    const src = rubricYaml('r').replace('    why: w\n', '    why: w\n    folowUp: typo\n');
    const { issues } = parseYaml(src, 'r.yaml', rubricSchema);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ line: 10, col: 5, path: 'items[0]' });
    expect(issues[0]!.message).toBe('unknown field "folowUp" (did you mean "followUp"?)');
  });

  it('suggests field names from the schema at that place, including fields added later', () => {
    const prompt = promptYaml('p').replace('outline:', 'notAplicable: [baseline]\noutline:');
    expect(parseYaml(prompt, 'p.yaml', promptSchema).issues.map((i) => i.message)).toEqual(['unknown field "notAplicable" (did you mean "notApplicable"?)']);
    // "topics" is near "topic", a field of clarifications only: not suggested at the top of a prompt.
    const misplaced = promptYaml('p').replace('outline:', 'topics: [x]\noutline:');
    expect(parseYaml(misplaced, 'p.yaml', promptSchema).issues.map((i) => i.message)).toEqual(['unknown field "topics"']);
  });

  it('says which required field is missing', () => {
    const src = rubricYaml('r').replace('    hint: h\n', '');
    const { issues } = parseYaml(src, 'r.yaml', rubricSchema);
    expect(issues[0]!.message).toMatch(/^missing required field "hint"/);
    expect(issues[0]!.path).toBe('items[0].hint');
  });

  it.each([
    ['an empty file', '', /file is empty/],
    ['a list instead of a mapping', '- a\n- b\n', /expected a mapping of fields \(key: value lines\), found a list/],
    ['duplicate keys', 'id: a\nid: b\n', /YAML syntax: Map keys must be unique/],
    ['several documents', 'id: a\n---\nid: b\n', /YAML syntax/],
    ['an alias bomb', 'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n', /cannot read YAML|alias/i],
    ['a huge file', `id: x\ntitle: ${'a'.repeat(1_100_000)}\n`, /larger than 1 MB/],
    ['deep nesting', `${'['.repeat(5000)}${']'.repeat(5000)}`, /nested too deeply|YAML syntax|expected a mapping/],
  ])('fails cleanly on %s', (_name, src, message) => {
    const { value, issues } = parseYaml(src, 'f.yaml', promptSchema);
    expect(value).toBeNull();
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.map((i) => i.message).join('\n')).toMatch(message);
  });
});

describe('the catalog', () => {
  const framework = file('rubric', 'framework', rubricYaml('framework'));

  it('loads prompts with the framework rubric first', () => {
    const catalog = buildCatalog([framework, file('rubric', 'ads', rubricYaml('ads', 'items:\n  - id: calibration\n    stage: model\n    label: C\n    weight: 3\n    phrases: [calibration]\n    why: w\n    hint: h\n    followUp: f?\n')), file('prompt', 'p', promptYaml('p', '[ads]'))]);
    expect(catalog.issues).toEqual([]);
    expect(rubricsFor(catalog, catalog.prompts.get('p')!.value).map((r) => r.id)).toEqual(['framework', 'ads']);
  });

  it('requires the id to equal the file name', () => {
    const catalog = buildCatalog([framework, file('prompt', 'other-name', promptYaml('p'))]);
    expect(catalog.prompts.size).toBe(0);
    expect(catalog.issues[0]!.message).toContain('must equal the file name "other-name"');
  });

  it('reports an unknown rubric at its line', () => {
    const catalog = buildCatalog([framework, file('prompt', 'p', promptYaml('p', '[framwork, nope]'))]);
    const messages = catalog.issues.map((i) => `${i.line} ${i.path} ${i.message}`);
    expect(messages).toEqual(expect.arrayContaining([expect.stringMatching(/^5 rubrics\[0\] unknown rubric "framwork" \(did you mean "framework"\?\)/), expect.stringMatching(/^5 rubrics\[1\] unknown rubric "nope"/)]));
  });

  it('rejects item ids that two rubrics of one prompt share', () => {
    const catalog = buildCatalog([framework, file('rubric', 'dup', rubricYaml('dup')), file('prompt', 'p', promptYaml('p', '[dup]'))]);
    expect(catalog.issues.some((i) => /item "baseline", which rubric "framework" also has/.test(i.message))).toBe(true);
  });

  it('rejects duplicate item ids, phrases that can never match, and unknown unlessItems', () => {
    const items = `items:
  - {id: a, stage: data, label: A, weight: 1, phrases: ["...", ok], why: w, hint: h, followUp: f}
  - {id: a, stage: data, label: A, weight: 1, phrases: [fine, Fine], why: w, hint: h, followUp: f}
redFlags:
  - {id: flag, label: L, phrases: [x], unlessItems: [ghost], why: w}
`;
    const catalog = buildCatalog([framework, file('rubric', 'bad', rubricYaml('bad', items))]);
    const messages = catalog.issues.map((i) => `${i.severity} ${i.path} ${i.message}`);
    expect(messages).toEqual(expect.arrayContaining([
      expect.stringMatching(/^error items\[0\]\.phrases\[0\] phrase "\.\.\." has no letters/),
      expect.stringMatching(/^error items\[1\]\.id duplicate item id "a"/),
      expect.stringMatching(/^warning items\[1\]\.phrases\[1\] phrase "Fine" matches the same words/),
      expect.stringMatching(/^error redFlags\[0\]\.unlessItems\[0\] unknown item "ghost"/),
    ]));
  });

  it('checks the items a clarification covers, and warns about a phrase shared by two items', () => {
    const prompt = promptYaml('p', '[r]').replace('    answer: Ten million.\n', '    answer: Ten million.\n    covers: [baselin]\n');
    const items = 'items:\n  - id: own\n    stage: model\n    label: Own\n    weight: 3\n    phrases: [simple model, own words]\n    why: w\n    hint: h\n    followUp: f?\n' +
      '  - id: other\n    stage: data\n    label: Other\n    weight: 3\n    phrases: [own word, more]\n    why: w\n    hint: h\n    followUp: f?\n';
    const catalog = buildCatalog([framework, file('rubric', 'r', rubricYaml('r', items)), file('prompt', 'p', prompt)]);
    const messages = catalog.issues.map((i) => `${i.severity} ${i.path} ${i.message}`);
    expect(messages).toEqual(expect.arrayContaining([
      expect.stringMatching(/^error clarifications\[0\]\.covers\[0\] unknown item "baselin" \(did you mean "baseline"\?\)/),
      expect.stringMatching(/^warning items\[0\]\.phrases\[0\] phrase "simple model" is also a phrase of the "framework" item "baseline"/),
      expect.stringMatching(/^warning items\[1\]\.phrases\[0\] phrase "own word" is also a phrase of item "own"/),
    ]));
  });

  it('checks the items a rubric\'s topics stand for and the list flag\'s id, naming file, line and field', () => {
    const extra = `redFlags:
  - {id: shared, label: L, phrases: [x], why: w}
listFlag: {id: shared, label: a list, why: w}
topics:
  - topic: scale
    covers: [baseline, baselin]
  - topic: scale
    covers: [baseline]
`;
    const catalog = buildCatalog([file('rubric', 'framework', rubricYaml('framework') + extra)]);
    expect(catalog.issues.map(formatIssue)).toEqual([
      'built-in/rubrics/framework.yaml:14:16 listFlag.id: red flag id "shared" is also the id of one of redFlags; give the list flag its own id',
      'built-in/rubrics/framework.yaml:17:24 topics[0].covers[1]: unknown item "baselin" (did you mean "baseline"?): expected an item id of this rubric or of "framework"',
      'built-in/rubrics/framework.yaml:18:12 topics[1].topic: duplicate topic "scale" (also topics[0]); list its items once',
    ]);
  });

  it('drops the items a prompt marks not applicable, and rejects an unknown one', () => {
    const prompt = promptYaml('p').replace('outline:', 'notApplicable: [baseline]\noutline:');
    const catalog = buildCatalog([framework, file('prompt', 'p', prompt)]);
    expect(catalog.issues).toEqual([]);
    expect(rubricsFor(catalog, catalog.prompts.get('p')!.value)[0]!.items.map((i) => i.id)).not.toContain('baseline');
    const typo = buildCatalog([framework, file('prompt', 'p', prompt.replace('[baseline]', '[baseline, basline]'))]);
    expect(typo.issues.map(formatIssue)).toEqual([expect.stringMatching(/p\.yaml:\d+:\d+ notApplicable\[1\]: unknown item "basline" \(did you mean "baseline"\?\)/)]);
  });

  it('lets user content override built-ins by id, with a notice', () => {
    const user = file('prompt', 'p', promptYaml('p').replace('title: A prompt', 'title: Mine'), 'user');
    const catalog = buildCatalog([framework, file('prompt', 'p', promptYaml('p')), user]);
    expect(catalog.prompts.get('p')!.value.title).toBe('Mine');
    expect(catalog.prompts.get('p')!.overrides).toEqual([{ file: 'built-in/prompts/p.yaml', origin: 'built-in' }]);
    expect(catalog.notices).toEqual(['prompt "p" from user/prompts/p.yaml (user) overrides built-in/prompts/p.yaml (built-in)']);
  });

  it('skips a broken user file and keeps the built-in one working', () => {
    const broken = file('prompt', 'p', 'id: p\ntitle: [broken\n', 'user');
    const catalog = buildCatalog([framework, file('prompt', 'p', promptYaml('p')), broken]);
    expect(catalog.prompts.get('p')!.origin).toBe('built-in');
    expect(catalog.issues).toHaveLength(1);
    expect(catalog.issues[0]!.file).toBe('user/prompts/p.yaml');
  });

  it('needs a framework rubric', () => {
    const catalog = buildCatalog([file('prompt', 'p', promptYaml('p'))]);
    expect(catalog.issues.some((i) => i.message.includes('"framework" rubric is missing'))).toBe(true);
  });
});
