import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPORTED, REPORTING_VERB } from '../../src/reading/questions.js';
import { tokenize } from '../../src/reading/tokens.js';
import { DEFLECTIONS, holdsKeys, WAVES_OFF, WAVES_OFF_KEYS } from '../../src/scoring/stance.js';

const FIXTURES = new URL('../fixtures/answers/', import.meta.url);

/** Lines that match each pattern, in several forms, and every line of the fixture answers. */
const MATCHING = [
  'That is out of scope for me.', 'Out of our scope for this interview', 'Not really my problem', 'never our department, honestly',
  "That's someone else's problem", 'anybody else handles it', 'another team owns that', "The other team's job", 'a different team takes care of it',
  "I don't know", 'We did not really care', 'Whether it drifts, I do not actually know', "I'm not sure", 'we are not really sure here',
  'No idea', 'not much idea', 'Maybe GBDT, maybe not', 'maybe a cache; maybe not', 'I have only heard of it', 'Has heard of FAISS',
  "We won't bother", 'I will never worry about it', 'whatever works', "Calibration doesn't matter here", 'it would not really matter',
  'not relevant here', 'never really important for us', 'Not important for this',
];
const ASKED = [
  "I'd ask how many payments we see", 'I would ask whether this is global', 'we need to find out what the fraud rate is',
  'Ask which regions are in scope', '_ask how many users', '- Confirm whether EU is in scope', '"Check if labels exist',
  'First, clarify what success means', 'We want to know how often', 'I would like to know about the budget', '(then ask about latency',
  'I ASK WHO the users are', 'we first also ask them how',
];

function lines(): string[] {
  const files = readdirSync(FIXTURES).flatMap((f) => readFileSync(new URL(f, FIXTURES), 'utf8').split(/\n|(?<=[.;?!]) /));
  return [...MATCHING, ...ASKED, ...files];
}

describe('stance and question patterns tried only on text with their keys (scoring/stance.ts, reading/questions.ts)', () => {
  it('every deflection a pattern finds holds a word of each group of its keys', () => {
    let found = 0;
    for (const line of lines()) {
      const joined = ` ${tokenize(line).map((t) => t.raw).join(' ')} `;
      for (const [keys, pattern] of [...DEFLECTIONS, [WAVES_OFF_KEYS, WAVES_OFF] as const]) {
        if (!pattern.test(joined)) continue;
        found++;
        expect(holdsKeys(joined, keys), `${pattern} on "${joined}"`).toBe(true);
      }
    }
    expect(found).toBeGreaterThanOrEqual(MATCHING.length);
  });

  it('every reported question holds a reporting verb', () => {
    let found = 0;
    for (const line of lines()) {
      if (!REPORTED.test(line.trim())) continue;
      found++;
      expect(REPORTING_VERB.test(line.trim()), line).toBe(true);
    }
    expect(found).toBeGreaterThanOrEqual(ASKED.length);
  });
});
