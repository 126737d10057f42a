import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readAnswersAs, withoutFrontMatter } from '../../src/answers/format.js';
import { readDepth } from '../../src/scoring/depth.js';
import { deflects, rejects } from '../../src/scoring/stance.js';
import { scoreBuiltin } from '../helpers/builtin.js';

// Faults a new-user tryout found in scoring, each fixed as a kind and checked on sentences of our own.
const flagIds = (prompt: string, text: string) =>
  scoreBuiltin(prompt, text).redFlags.filter((f) => f.id !== 'list-instead-of-reasoning').map((f) => f.id);
const item = (prompt: string, text: string, id: string) => scoreBuiltin(prompt, text).stages.flatMap((s) => s.items).find((i) => i.id === id)!;
const words = (s: string) => s.toLowerCase().replace(/n't\b/g, ' not').replace(/'s\b/g, '').split(/[^a-z0-9]+/).filter(Boolean);

describe('a mistake named in order to reject it raises no flag (A)', () => {
  const rejections = [
    'Using accuracy here would be wrong because positives are 0.1%.',
    'Accuracy would be 99.9% for a model that approves everything, which is why it is useless here.',
    'A common mistake is to ship on offline metrics alone; we run an A/B test.',
    'Reporting plain accuracy is a classic trap for rare fraud, so we use PR AUC.',
    'Shuffling the transactions before a random split is a pitfall: it leaks next month into training.',
  ];
  it.each(rejections)('stays quiet on "%s"', (sentence) => {
    expect(flagIds('fraud-detection', `## Evaluation\n${sentence}\n`)).toEqual([]);
  });

  it('stays quiet on advice quoted in a blockquote', () => {
    const text = '## Evaluation\n> Common mistake: "we measure accuracy on the test set" is wrong for rare fraud.\n\n> We ship if offline AUC beats the current model.\n';
    expect(flagIds('fraud-detection', text)).toEqual([]);
  });

  it('costs a strong answer nothing when it explains two mistakes it avoids', () => {
    const strong = readFileSync(new URL('../fixtures/answers/fraud-detection.strong.md', import.meta.url), 'utf8');
    const explained = strong.replace(
      /^## Evaluation\n/m,
      '## Evaluation\n\nUsing accuracy here would be wrong because positives are 0.1%. A common mistake is to ship on offline metrics alone; we run an A/B test.\n\n',
    );
    expect(explained).not.toBe(strong);
    const before = scoreBuiltin('fraud-detection', strong);
    const after = scoreBuiltin('fraud-detection', explained);
    expect(after.redFlags.map((f) => f.id)).toEqual(before.redFlags.map((f) => f.id));
    expect(after.overall).toBeGreaterThanOrEqual(before.overall);
  });

  it('still fires when the candidate asserts the mistake', () => {
    expect(flagIds('fraud-detection', '## Evaluation\nOur main metric is accuracy on the test set.\n')).toContain('accuracy-only-metric');
    expect(flagIds('fraud-detection', '## Evaluation\nIf offline AUC beats the current model, we ship it.\n')).toContain('offline-only-launch');
  });

  it('reads rejection words, not topic words', () => {
    expect(rejects(words('That would be a bad idea here'))).toBe(true);
    expect(rejects(words('We report accuracy per segment'))).toBe(false);
    expect(rejects(words('We report accuracy; wrong predictions are reviewed by analysts'))).toBe(false);
    expect(rejects(words("The model's mistakes go to a review queue"))).toBe(false);
    expect(rejects(words('Common mistakes are shipping on offline AUC and shuffling the log'))).toBe(true);
  });
});

// Each mistake of kind B: two or three paraphrases of our own fire; the correction and absence do not.
interface ParaphraseCase {
  flag: string;
  stage: string;
  mistakes: string[];
  corrections: string[];
  absent: string;
}
const paraphrases: ParaphraseCase[] = [
  {
    flag: 'full-log-aggregates',
    stage: 'Data',
    mistakes: [
      "A strong feature is the card's historical fraud rate, which is computed from all transactions in the dataset, including later ones.",
      'Merchant fraud rate is computed over the whole twelve-month log.',
      'Each device gets an average amount calculated using all of the payments we have.',
    ],
    corrections: [
      "The card's fraud rate is computed only from transactions before each payment, as of its timestamp.",
      'Merchant averages are never computed over the whole log, because that would leak the future.',
    ],
    absent: 'Features are the amount, the merchant category and the hour of day.',
  },
  {
    flag: 'fit-before-split',
    stage: 'Data',
    mistakes: [
      'We apply SMOTE before splitting.',
      'We normalize the amount using the mean over the full dataset before the split.',
      'Target encoding statistics for merchants are computed prior to splitting.',
    ],
    corrections: [
      'We split by time first and fit the scaler on the training set only, never before the split.',
      'SMOTE is applied after the split, on the training part only.',
    ],
    absent: 'We split by time: train on nine months, test on the tenth.',
  },
  {
    flag: 'random-split-temporal-data',
    stage: 'Evaluation',
    mistakes: [
      'We evaluate with 5-fold cross-validation over all transactions.',
      'Model selection uses k-fold CV on the whole year of payments.',
      'We shuffle the payments and hold out 20% as the test set.',
    ],
    corrections: [
      'We use rolling time series cross-validation: each fold tests on the month after its training window.',
      'We split by time instead of a random split.',
    ],
    absent: 'We report PR AUC and recall at a 1% decline rate.',
  },
  {
    flag: 'offline-only-launch',
    stage: 'Evaluation',
    mistakes: [
      "If the new model's PR AUC is higher offline, we promote it to production for all traffic.",
      'Once it beats the current model on the holdout PR AUC, the new model replaces the champion.',
      'When offline recall improves, we push it to production.',
    ],
    corrections: [
      'A higher offline PR AUC only earns an A/B test; we promote it to production after the experiment.',
      'If offline PR AUC is higher we start a canary on 5% of traffic before it goes to production.',
    ],
    absent: 'Offline we report PR AUC on the last month.',
  },
];

describe.each(paraphrases)('the $flag flag catches its kind (B)', ({ flag, stage, mistakes, corrections, absent }) => {
  it.each(mistakes)('fires on "%s"', (sentence) => {
    expect(flagIds('fraud-detection', `## ${stage}\n${sentence}\n`)).toContain(flag);
  });
  it.each(corrections)('stays quiet on the correction "%s"', (sentence) => {
    expect(flagIds('fraud-detection', `## ${stage}\n${sentence}\n`)).not.toContain(flag);
  });
  it('stays quiet when the topic is absent', () => {
    expect(flagIds('fraud-detection', `## ${stage}\n${absent}\n`)).not.toContain(flag);
  });
});

describe('a flagged mistake is no item evidence (B)', () => {
  it('does not credit the success metric with the sentence flagged as the accuracy mistake', () => {
    const text = '## Clarify\nOur main metric is accuracy on the test set, and success means it goes above 99%.\n';
    const report = scoreBuiltin('fraud-detection', text);
    const flagged = report.redFlags.find((f) => f.id === 'accuracy-only-metric');
    expect(flagged).toBeDefined();
    for (const i of report.stages.flatMap((s) => s.items)) expect(i.evidence === flagged!.evidence && i.status === 'covered', i.id).toBe(false);
  });
});

describe('deflections and empty reasons earn nothing (E)', () => {
  it.each([
    ['ab-test', 'fraud-detection', 'Evaluation', 'The A/B testing team handles launches, so that is out of scope for me.'],
    ['drift', 'fraud-detection', 'Monitoring', 'I have heard of data drift but it does not matter here.'],
    ['baseline', 'fraud-detection', 'Model', "Maybe logistic regression, maybe not, I don't really know."],
    ['calibration', 'ad-click-prediction', 'Model', "Calibration is someone else's problem."],
  ])('earns no %s (%s) from "%s: %s"', (id, prompt, stage, sentence) => {
    expect(item(prompt, `## ${stage}\n${sentence}\n`, id).credit).toBe(0);
  });

  it('reads a decision with a reason as a decision, not a deflection', () => {
    expect(deflects(words('Calibration does not matter here because we only rank the queue'))).toBe(false);
    expect(deflects(words('Calibration is someone else problem'))).toBe(true);
    expect(item('fraud-detection', '## Model\nWe start with logistic regression as the baseline.\n', 'baseline').credit).toBeGreaterThan(0);
  });

  it('reads an empty reason as no reason: at most chosen', () => {
    expect(readDepth('We use logistic regression because it is good.', true).level).toBe('chosen');
    expect(readDepth('We use GBDT since it works.', true).level).toBe('chosen');
    expect(readDepth('We use GBDT because it works well on tabular features.', true).level).toBe('justified');
  });
});

describe('evidence comes from the item\'s own stage first (G)', () => {
  it('shows the clarify claim for scale, not a model sentence', () => {
    const scale = item('video-recommendation', '## Clarify\nScale: 500M daily users.\n## Model\nTwo-tower retrieval, because it scales to 10M videos.\n', 'scale');
    expect(scale.foundIn).toBe('clarify');
    expect(scale.evidence).toBe('Scale: 500M daily users.');
  });
});

describe('what is not answer text (H, I)', () => {
  it('drops YAML front matter at the top of a Markdown answer', () => {
    const text = '---\ntitle: My answer\ntags: [a/b test, feature store]\n---\n## Model\n\nGBDT because tabular.\n';
    const parsed = readAnswersAs(text, 'answer.md', undefined, true);
    expect(JSON.stringify(parsed.answers)).not.toContain('a/b test');
    expect(parsed.answers.sections.model).toContain('GBDT');
    expect(withoutFrontMatter(text).split('\n').length).toBe(text.split('\n').length);
  });

  it('keeps a thematic break that is not front matter', () => {
    const text = '---\nWe use GBDT because the data is tabular.\n---\n';
    expect(withoutFrontMatter(text)).toBe(text);
  });

  it('drops a UTF-8 byte order mark before reading', () => {
    const parsed = readAnswersAs('\ufeff## Model\n\nGBDT because tabular.\n\n## Evaluation\n\nPR AUC.\n', 'answer.md', undefined, true);
    expect(parsed.answers.sections.model).toContain('GBDT');
    expect(parsed.answers.sections.evaluation).toContain('PR AUC');
  });
});

describe('an answer on standard input with Markdown stage headings is Markdown (reading helper, tryout 7)', () => {
  it('reads "## Model" then "Labels: …" as Markdown, not as YAML whose comment hid the heading', () => {
    for (const text of ['## Model\nLabels: clicks within 30 minutes.\nGBDT because tabular.\n', '# Data\nFeatures: counts per user.\n\n## Evaluation ##\nMetrics: log loss.\n']) {
      expect(readAnswersAs(text, 'stdin', undefined, false).format, text).toBe('markdown');
    }
  });

  it('a YAML answer keeps its comments, even one that reads as a title', () => {
    expect(readAnswersAs('# my ad-click answer\nmodel: GBDT because tabular.\nevaluation: log loss\n', 'stdin', undefined, false).format).toBe('yaml');
    expect(readAnswersAs('model: GBDT\n# TODO serving\n', 'stdin', undefined, false).format).toBe('yaml');
  });
});
