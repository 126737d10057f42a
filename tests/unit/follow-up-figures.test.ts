import { describe, expect, it } from 'vitest';
import { rubricsFor } from '../../src/content/catalog.js';
import { FRAMEWORK_RUBRIC } from '../../src/content/scope.js';
import { builtinCatalog } from '../helpers/builtin.js';

// Tryout 8, F9: the peer sheet told the interviewer to ask "Positives are about 1% of the data; ..." in
// fraud-detection, whose facts say 0.15 percent. A follow-up is read out as the interviewer's own words,
// so a figure in it must not contradict what the prompt's facts told the candidate. The framework rubric
// applies to every prompt, so its follow-ups state no figure at all; a prompt's own follow-ups use the
// prompt's figures, or set up a scenario (a test result, a prediction, a sampling choice) listed below.

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, fifteen: 15,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, hundred: 100, thousand: 1_000, a: 1,
};
const FIGURE =
  /(\d[\d,]*(?:\.\d+)?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|fifty|sixty|a)\b)\s*(%|percent|ms|milliseconds?|seconds?|thousand|million|billion|[a-z]+ (?:a|per) (?:day|second))(?![\w%])/gi;
const UNITS: Record<string, string> = { '%': 'percent', milliseconds: 'ms', millisecond: 'ms', seconds: 'second' };

/** The figures of a text, as "number unit" ("0.15 percent", "150 ms", "10 million", "3000 orders a day"). */
function figures(text: string): string[] {
  return [...text.matchAll(FIGURE)].map((m) => {
    const raw = m[1]!.toLowerCase();
    const value = /\d/.test(raw) ? Number(raw.replace(/,/g, '')) : NUMBER_WORDS[raw]!;
    const unit = m[2]!.toLowerCase().replace(/ per /, ' a ');
    return `${value} ${UNITS[unit] ?? unit}`;
  });
}

/** Figures a prompt's own follow-up sets up as a scenario to reason about, not as a fact of the prompt: `prompt/item: figure`. */
const SCENARIOS = new Set([
  'ad-click-prediction/calibration: 2 percent', // a prediction to check
  'ad-click-prediction/downsample-correction: 5 percent', // a sampling choice
  'fraud-detection/declined-payment-bias: 2 percent', // the facts give no decline rate
  'fraud-detection/operating-point-metrics: 80 percent', // a recall to aim for
  'fraud-detection/customer-friction: 30 percent', // a test result
  'fraud-detection/review-queue: 3000 orders a day', // the facts: "a few thousand a day"
  'notification-ranking/send-decision-value: 3 percent', // one notification's prediction
  'notification-ranking/uplift-modeling: 10 times a day', // one user's habit
  'people-you-may-know/accepted-connection-metrics: 10 percent', // a test result
  'rag-support-assistant/resolution-and-csat: 60 percent', // a test result
  'search-ranking/search-business-metrics: 4 percent', // a test result
  'similar-listings/session-book-rate: 10 percent', // a test result
  'video-search/search-engagement-metrics: 5 percent', // a test result
]);

describe('figures in follow-ups', () => {
  it('reads figures in words and digits', () => {
    expect(figures('Positives are about 1% of the data')).toEqual(['1 percent']);
    expect(figures('About 0.15 percent of approved payments, 3,000 per second and 150 ms; ten million images')).toEqual(['0.15 percent', '150 ms', '10 million']);
    expect(figures('Sixty analysts can review 3,000 orders a day.')).toEqual(['3000 orders a day']);
  });

  it('no framework follow-up states a figure: it is asked in every prompt, whatever its facts say', () => {
    const framework = builtinCatalog.rubrics.get(FRAMEWORK_RUBRIC)!.value;
    const wordings = framework.items.flatMap((item) => [
      { id: item.id, text: item.followUp },
      ...Object.entries(item.byProblemType ?? {}).map(([type, w]) => ({ id: `${item.id} (${type})`, text: w?.followUp ?? '' })),
    ]);
    expect(wordings.filter((w) => figures(w.text).length > 0)).toEqual([]);
  });

  it('no follow-up a prompt can ask contradicts its facts: each figure is one of the facts\' or a listed scenario', () => {
    const contradicting: string[] = [];
    let checked = 0;
    for (const [id, { value: prompt }] of builtinCatalog.prompts) {
      const facts = new Set([prompt.prompt, ...prompt.clarifications.map((c) => c.answer)].flatMap(figures));
      for (const rubric of rubricsFor(builtinCatalog, prompt)) {
        for (const item of rubric.items) {
          for (const figure of figures(item.followUp)) {
            checked++;
            if (!facts.has(figure) && !SCENARIOS.has(`${id}/${item.id}: ${figure}`)) contradicting.push(`${id} ${rubric.id}/${item.id}: ${figure} | ${item.followUp}`);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(SCENARIOS.size);
    expect(contradicting).toEqual([]);
  });

  it('fraud-detection: the class-imbalance follow-up on the sheet quotes no rate of its own (the facts say 0.15 percent)', () => {
    const prompt = builtinCatalog.prompts.get('fraud-detection')!.value;
    const item = rubricsFor(builtinCatalog, prompt).flatMap((r) => r.items).find((i) => i.id === 'class-imbalance')!;
    expect(figures(item.followUp)).toEqual([]);
    expect(item.followUp).not.toMatch(/\d/);
  });
});
