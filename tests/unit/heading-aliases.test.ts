import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matchHeading, stageAliasPhrases } from '../../src/reading/sections.js';
import { tokenize } from '../../src/reading/tokens.js';
import { MatchIndex } from '../../src/scoring/phrase.js';
import { STAGES } from '../../src/stages.js';

const FIXTURES = new URL('../fixtures/answers/', import.meta.url);

/** Heading-like lines: every line of the fixture answers, and every stage's names alone and in compounds. */
function samples(): string[] {
  const lines = readdirSync(FIXTURES).flatMap((f) => readFileSync(new URL(f, FIXTURES), 'utf8').split('\n'));
  const names = STAGES.flatMap((s) => [s.id, s.title, ...s.aliases]);
  const compounds = names.flatMap((a, k) => [`${a} and ${names[(k + 7) % names.length]!}`, `Model ${a}`, `${a}/${names[(k + 3) % names.length]!}`, `1. ${a}:`]);
  return [...new Set([...lines, ...names, ...compounds].map((l) => l.replace(/^[#>*\s-]+/, '').trim()).filter(Boolean))];
}

describe('stage headings (reading/sections.ts): only the aliases that can match in a heading are tried', () => {
  const { phrases, filter } = stageAliasPhrases();

  it('finds every alias match the plain search finds, on every fixture line and stage name', () => {
    const lines = samples();
    expect(lines.length).toBeGreaterThan(1000);
    let matched = 0;
    const missed: string[] = [];
    for (const line of lines) {
      const tokens = tokenize(line);
      const plain = new MatchIndex(tokens);
      const live = new MatchIndex(tokens, undefined, filter).livePhrasesOf(filter);
      for (const phrase of phrases) {
        if (plain.find(phrase).length === 0) continue;
        matched++;
        if (!live.has(phrase)) missed.push(`${phrase.text} in "${line}"`);
      }
    }
    expect(missed).toEqual([]);
    expect(matched).toBeGreaterThan(500);
  });

  it('rules out most aliases for a heading', () => {
    const live = new MatchIndex(tokenize('Serving and monitoring'), undefined, filter).livePhrasesOf(filter);
    expect(live.size).toBeGreaterThan(0);
    expect(live.size).toBeLessThan(phrases.length / 4);
  });

  it('keeps the readings of headings', () => {
    expect(matchHeading('Model Evaluation')).toEqual(['evaluation']);
    expect(matchHeading('Training data')).toEqual(['data']);
    expect(matchHeading('Serving and monitoring')).toEqual(['serving', 'monitoring']);
    expect(matchHeading('Click label window')).toEqual(['data']);
    expect(matchHeading('Lunch plans')).toEqual([]);
  });
});
