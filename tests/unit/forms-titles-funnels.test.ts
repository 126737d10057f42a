import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../../src/answers/parse.js';
import { scoreBuiltin } from '../helpers/builtin.js';

// Answer forms (tryout 8, F25 and F23): a document's title names the system, not a stage; a
// retrieve-then-rank funnel and inverse propensity weighting are read in their standard forms.
const mapped = (text: string) => Object.fromEntries(parseAnswers(text, 'a.md').mapping.map((m) => [m.heading, m.stages]));
const item = (prompt: string, text: string, id: string) => scoreBuiltin(prompt, text).stages.flatMap((s) => s.items).find((i) => i.id === id)!;

describe('a document title', () => {
  const body = '## Clarify\nGoal: long-term retention.\n## Data\nImpressions with labels within 24 h.\n## Evaluation\nAUC offline, an A/B test online.\n';
  it.each(['News feed ranking', 'Search ranking for a marketplace', 'Video recommendation model', 'Ranking model design', 'Fraud detection'])(
    '"# %s" gives no stage, and the stage headings below it keep theirs',
    (title) => {
      const text = `# ${title}\n\nA few words on the system.\n\n${body}`;
      const m = mapped(text);
      expect(m[title]).toEqual([]);
      expect(m).toMatchObject({ Clarify: ['clarify'], Data: ['data'], Evaluation: ['evaluation'] });
      const parsed = parseAnswers(text, 'a.md').answers;
      expect(parsed.general).toMatch(/A few words/);
      expect(parsed.sections.model ?? '').not.toMatch(/A few words/);
    },
  );

  it('takes lead-ins under a title as stages ("**Framing.** ...")', () => {
    const text = '# News feed ranking\n\n**Clarify.** Goal is long-term retention.\n\n**Model.** A multi-task DNN with one head per reaction.\n\n**Serving.** Candidates, then the ranker within 100 ms.\n';
    expect(mapped(text)).toMatchObject({ 'News feed ranking': [], Clarify: ['clarify'], Model: ['model'], Serving: ['serving'] });
  });

  it('keeps the stage of a heading that is not a title: a first heading among others of its level, or a stage name', () => {
    expect(mapped('# Model\nGBDT.\n# Serving\nBatch nightly.\n')).toMatchObject({ Model: ['model'], Serving: ['serving'] });
    expect(mapped('# Ranking model\nA GBDT ranker on query features.\n')['Ranking model']).toEqual(['model']);
    // A title made only of stage names keeps its stage for the text right under it.
    expect(mapped(`# Problem statement and assumptions\nWe assume 10M users.\n${body}`)['Problem statement and assumptions']).toEqual(['clarify']);
  });
});

describe('a retrieve-then-rank funnel', () => {
  it.each([
    ['search-ranking', '## Frame\nBM25 retrieves 1,000 products, then the LambdaMART ranker reorders the top 200.\n'],
    ['video-recommendation', '## Model\nA two-tower model retrieves a few thousand videos and a heavier ranker reranks them.\n'],
    ['rag-support-assistant', '## Model\nWe retrieve fifty passages with BM25 and a cross-encoder reranks them before generation.\n'],
  ])('%s: %j is multi-stage decomposition', (prompt, text) => {
    expect(item(prompt, text, 'multi-stage').status).toBe('covered');
  });

  it.each([
    ['search-ranking', '## Data\nWe retrieve the features of each product from the feature store.\n'],
    ['search-ranking', '## Model\nThe ranker is LambdaMART on query-product features.\n'],
  ])('%s: %j is not', (prompt, text) => {
    expect(item(prompt, text, 'multi-stage').status).toBe('missed');
  });

  it('credits no loss function to a ranker named in a funnel, but does to its objective', () => {
    expect(item('search-ranking', '## Frame\nBM25 retrieves 1,000 products, then the LambdaMART ranker reorders the top 200.\n', 'loss-function').status).toBe('missed');
    expect(item('search-ranking', '## Model\nLambdaMART, which optimizes NDCG through pairwise gradients.\n', 'loss-function').status).toBe('covered');
    expect(item('search-ranking', '## Model\nLambdaRank loss on graded judgments.\n', 'loss-function').status).toBe('covered');
  });
});

describe('weighting by inverse propensity', () => {
  it.each([
    ['search-ranking', 'click-position-bias', '## Data\nClicks are biased toward the top slots, so we weight by inverse propensity.\n'],
    ['search-ranking', 'click-position-bias', '## Data\nWe correct clicks on the top slots with IPW.\n'],
    ['ad-click-prediction', 'position-bias', '## Data\nTop slots get more clicks, so training examples are reweighted by their propensity.\n'],
    ['news-feed', 'position-debiasing', '## Model\nReactions are weighted by the inverse of the propensity of their position (IPW).\n'],
  ])('%s: %j handles position bias', (prompt, id, text) => {
    expect(item(prompt, text, id).status).toBe('covered');
  });

  it('does not read a propensity to buy as position-bias handling', () => {
    expect(item('search-ranking', '## Data\nWe model each user\'s propensity to buy from their history.\n', 'click-position-bias').status).toBe('missed');
  });
});
