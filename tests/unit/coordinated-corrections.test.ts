import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/reading/claims.js';
import { compilePhrase, MatchIndex } from '../../src/scoring/phrase.js';
import { flagCases } from '../helpers/stage-cases.js';

// Tryout 12: a check stated as a coordination ("judged by humans and an LLM judge") did not clear the
// flag it answers. A flag's corrections are read through one coordination ("X and Y", "X / Y", "X plus Y").

describe('a check said of two things at once clears the LLM-judge flag', () => {
  flagCases('unvalidated-llm-judge', [
    ['rag-support-assistant', 'Evaluation', 'An LLM judge grades every answer.'],
    ['rag-support-assistant', 'Evaluation', 'GPT-4 as a judge scores groundedness on all answers, which is cheaper than humans.'],
    ['rag-support-assistant', 'Evaluation', 'Faithfulness is scored by an LLM judge with no people in the loop.'],
    ['rag-support-assistant', 'Evaluation', 'We let an LLM grade each reply for correctness and tone.'],
  ], [
    ['rag-support-assistant', 'Evaluation', 'Faithfulness: human and LLM grades on a weekly sample.'],
    ['rag-support-assistant', 'Evaluation', 'Correctness is graded by human and LLM graders on 300 tickets.'],
    ['rag-support-assistant', 'Evaluation', 'An LLM judge scores faithfulness, and human plus LLM grades are compared on 200 answers.'],
    ['rag-support-assistant', 'Evaluation', 'Answer quality: LLM judge on everything, human/LLM grades on a weekly sample.'],
    ['rag-support-assistant', 'Evaluation', 'Groundedness is judged by people and by an LLM judge on the same sample.'],
  ]);
});

describe('other flags read their corrections through a coordination too', () => {
  flagCases('ctr-objective', [
    ['video-search', 'Frame', 'The model is trained to predict clicks on results.'],
  ], [
    ['video-search', 'Frame', 'The model predicts clicks on results, checked against human and click labels on a sample.'],
  ]);
});

describe('MatchIndex.findCoordinated', () => {
  const spans = (text: string, phrase: string): string[] => {
    const { tokens } = analyze(text);
    return new MatchIndex(tokens).findCoordinated(compilePhrase(phrase)).map(([s, e]) => tokens.slice(s, e).map((t) => t.raw).join(' '));
  };
  it('skips a conjunct after the first word: "human and LLM grades"', () => {
    expect(spans('Human and LLM grades on a sample.', 'human grades')).toEqual(['human and llm grades']);
    expect(spans('Judged by humans and an LLM judge.', 'human judges')).toEqual(['humans and an llm judge']);
    expect(spans('Human plus model grades.', 'human grades')).toEqual(['human plus model grades']);
  });
  it('skips a conjunct before the coordinator: "human labels or grades"', () => {
    expect(spans('We keep human labels or grades for a sample.', 'human grades')).toEqual(['human labels or grades']);
  });
  it('skips one word joined by a slash: "human/LLM grades"', () => {
    expect(spans('human/LLM grades weekly', 'human grades')).toEqual(['human llm grades']);
  });
  it('finds plain matches as find does, and nothing across a comma or without a coordinator', () => {
    expect(spans('Human grades weekly.', 'human grades')).toEqual(['human grades']);
    expect(spans('Human, then LLM grades.', 'human grades')).toEqual([]);
    expect(spans('Human expert model grades.', 'human grades')).toEqual([]);
  });
  it('an item is matched plainly: find does not read through a coordination', () => {
    const { tokens } = analyze('Human and LLM grades on a sample.');
    expect(new MatchIndex(tokens).find(compilePhrase('human grades'))).toEqual([]);
  });
});
