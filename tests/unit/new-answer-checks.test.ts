import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { allOf, listAnswer, notTaken, rubricsTogether, textAnswer } from '../../src/content/answer-checks.js';
import { splitList, splitPoints } from '../../src/content/scaffold.js';
import { clarificationSchema, promptSchema, rubricItemSchema } from '../../src/content/schema.js';
import { phraseProblem } from '../../src/scoring/rubric-phrase-checks.js';
import { TypedControlFilter } from '../../src/text/typed-control.js';
import { FilteredKeys } from '../../src/ui/filtered-keys.js';
import { renderNewNotWritten } from '../../src/ui/content-check-view.js';
import { createStyle } from '../../src/ui/style.js';

// Tryout 12: `prompts new` took the tag "Classification", wrote the file, then said it failed validation; an
// ESC typed into the title left "0;PWNED" behind. The kinds: each answer is checked against the schema field
// the file is read with, as it is entered; control strings typed are removed whole, before the key reader.

describe('answers checked against the schema as they are entered', () => {
  const tags = listAnswer(promptSchema.shape.tags, splitList, 'tag', { optional: true });
  it('a tag that is not kebab-case is refused, with the answer to type instead', () => {
    expect(tags('finance, Classification')).toBe('tag "Classification": expected a kebab-case id such as "cold-start"; type: finance, classification');
    expect(tags('Real Time, fraud')).toMatch(/^tag "Real Time": expected a kebab-case id.*; type: real-time, fraud$/);
    expect(tags('credit_risk')).toMatch(/; type: credit-risk$/);
  });
  it('kebab-case tags, and no tags, pass', () => {
    expect(tags('lending, classification, tabular')).toBe(true);
    expect(tags('')).toBe(true);
  });
  it('a tag with nothing usable is refused without a suggestion', () => {
    expect(tags('ok, !!!')).toBe('tag "!!!": expected a kebab-case id such as "cold-start"');
  });
  it('a blank title or opening line is refused in the schema\'s words', () => {
    expect(textAnswer(promptSchema.shape.title)('   ')).toBe('a title must not be empty');
    expect(textAnswer(promptSchema.shape.prompt)('')).toMatch(/must not be empty/);
    expect(textAnswer(clarificationSchema.shape.answer)('About ten thousand a day.')).toBe(true);
  });
  it('outline points and patterns need at least one entry', () => {
    const outline = listAnswer(promptSchema.shape.outline.shape.data, splitPoints, 'point', { separator: '; ' });
    expect(outline(' ; ')).toBe('give at least one point, separated by ";"');
    expect(outline('Label from repayments, 90 days on; Features as of the application date')).toBe(true);
    expect(listAnswer(clarificationSchema.shape.patterns, splitList, 'pattern')('')).toMatch(/at least one pattern/);
  });
  it('phrases: an unknown concept and a phrase with no words are refused as validate refuses them', () => {
    expect(phraseProblem('@no-such-concept')).toMatch(/^unknown concept "@no-such-concept"/);
    expect(phraseProblem('--')).toMatch(/has no letters or digits/);
    expect(phraseProblem('default within a year')).toBeNull();
    expect(listAnswer(rubricItemSchema.shape.phrases, splitList, 'phrase')('repayment history, debt to income')).toBe(true);
  });
  it('a topic or item id given twice is refused (the catalog rejects duplicates)', () => {
    const check = allOf((v) => (v ? true : 'empty'), notTaken(['scale', 'latency'], 'topic'));
    expect(check('scale')).toBe('topic "scale" is given already; each must be different');
    expect(check('labels')).toBe(true);
  });
  it('two domain rubrics that share an item id cannot both be chosen', () => {
    const items: Record<string, string[]> = { 'similar-listings': ['index-refresh', 'listing-embeddings'], 'video-recommendation': ['index-refresh', 'watch-time'], 'eta-prediction': ['lateness'] };
    const itemsOf = (id: string) => items[id] ?? [];
    expect(rubricsTogether(['similar-listings', 'video-recommendation'], itemsOf, ['scale'])).toMatch(/rubric "video-recommendation" has item "index-refresh", which rubric "similar-listings" also has/);
    expect(rubricsTogether(['similar-listings', 'eta-prediction'], itemsOf, ['scale'])).toBe(true);
    expect(rubricsTogether(['eta-prediction'], itemsOf, ['lateness'])).toMatch(/which rubric "framework" also has/);
  });
});

describe('control strings typed are removed whole, before the key reader', () => {
  const filter = (...pieces: string[]) => {
    const f = new TypedControlFilter();
    return pieces.map((p) => f.push(p)).join('') + f.flush();
  };
  it('an OSC title string ended by BEL or ST goes, the words around it stay', () => {
    expect(filter('Loan default \u001b]0;PWNED\u0007 prediction')).toBe('Loan default  prediction');
    expect(filter('Churn \u001b]8;;http://x.example\u001b\\link\u001b]8;;\u001b\\ model')).toBe('Churn link model');
    expect(filter('Spam \u009d2;title\u009c filter')).toBe('Spam  filter');
  });
  it('a sequence split between two reads is still removed whole', () => {
    expect(filter('Fraud \u001b', ']0;X', 'Y\u0007 scoring')).toBe('Fraud  scoring');
    expect(filter('Ads \u001bP1$r', 'q\u001b\\ ranking')).toBe('Ads  ranking');
  });
  it('an unterminated string ends at Enter, which is kept, so Enter still answers', () => {
    expect(filter('Title \u001b]0;never ended\r')).toBe('Title \r');
  });
  it('keys pass through for the reader: arrows, Alt-b, a lone Esc, Delete', () => {
    expect(filter('ab\u001b[D\u001b[3~c')).toBe('ab\u001b[D\u001b[3~c');
    expect(filter('word\u001bb')).toBe('word\u001bb');
    expect(filter('x\u001b')).toBe('x\u001b');
    expect(filter('\u001bOA')).toBe('\u001bOA');
  });
  it('charset designations, 8-bit CSI and other C1 controls go', () => {
    expect(filter('Se\u001b(Barch')).toBe('Search');
    expect(filter('Vi\u009b31mdeo')).toBe('Video');
    expect(filter('Ra\u0085nk')).toBe('Rank');
  });

  it('as a stream: what the terminal sends arrives filtered, and raw mode reaches the terminal', async () => {
    const modes: boolean[] = [];
    const source = Object.assign(new PassThrough(), { isTTY: true, setRawMode: (m: boolean) => modes.push(m) });
    const keys = new FilteredKeys(source);
    keys.setRawMode(true);
    let got = '';
    keys.on('data', (d: Buffer) => (got += d.toString()));
    source.write('Credit \u001b]2;X\u0007');
    source.write(Buffer.from('risk ✓\r'));
    await new Promise((r) => setImmediate(r));
    expect(got).toBe('Credit risk ✓\r');
    expect(keys.isTTY).toBe(true);
    keys.close();
    expect(modes).toEqual([true, false]);
  });
});

describe('a file that would not validate is not written', () => {
  it('says so, lists each problem, and shows the text so nothing typed is lost', () => {
    const issue = { file: '/h/prompts/x.yaml', line: 9, col: 5, path: 'rubrics[1]', message: 'rubric "b" has item "i", which rubric "a" also has', severity: 'error' as const };
    const lines = renderNewNotWritten('prompt', '/h/prompts/x.yaml', [issue], 'id: x\ntitle: X\n', createStyle(0));
    expect(lines).toContain('Not written: /h/prompts/x.yaml would not validate:');
    expect(lines).toContain('/h/prompts/x.yaml:9:5 rubrics[1]: rubric "b" has item "i", which rubric "a" also has (error)');
    expect(lines).toContain('id: x');
    expect(lines.join('\n')).not.toMatch(/wrote/);
  });
});
