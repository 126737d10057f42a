import { describe, expect, it } from 'vitest';
import { isPlaceholder } from '../../src/reading/claims.js';
import { scoreBuiltin } from '../helpers/builtin.js';

// Reading faults a new-user tryout (tryout 7) found, each fixed as a kind and checked on inputs of our own.
const items = (prompt: string, text: string) => scoreBuiltin(prompt, text).stages.flatMap((s) => s.items);
const item = (prompt: string, text: string, id: string) => items(prompt, text).find((i) => i.id === id)!;
const earned = (prompt: string, text: string) => items(prompt, text).filter((i) => i.status === 'covered' || i.status === 'prompted').map((i) => i.id);

describe('a heading with no answer under it earns nothing', () => {
  it.each(['TBD.', 'To do.', 'x.', 'todo', 'N/A', '...', '- TBD', '*to be decided*', 'Coming soon.'])('reads "%s" as a placeholder', (text) => {
    expect(isPlaceholder(text.replace(/^- /, ''))).toBe(true);
  });

  it.each(['No.', 'GBDT.', 'Daily.', 'XGBoost', 'To do this we split by time.', 'x2 oversampling'])('reads "%s" as an answer', (text) => {
    expect(isPlaceholder(text)).toBe(false);
  });

  // Each outline covers nothing; the same outline with an answer under the heading covers the item.
  const outlines: Array<[string, string, string, string]> = [
    ['video-recommendation', '## Model\n### Trade-offs\nTBD.\n', '## Model\n### Trade-offs\nTrees are cheaper to serve, but a two-tower net learns id embeddings.\n', 'model-tradeoffs'],
    ['search-ranking', '## Evaluation\n### Online metrics\nTo do.\n### Offline metrics\nx.\n', '## Evaluation\n### Online metrics\nSessions with a long click, per query.\n### Offline metrics\nx.\n', 'online-metrics'],
    ['search-ranking', '## Evaluation\n### Offline metrics\nx.\n### Online metrics\nTo do.\n', '## Evaluation\n### Offline metrics\nNDCG at 10 on judged queries.\n### Online metrics\nTo do.\n', 'offline-metrics'],
    ['ad-click-prediction', '## Data\n### Data leakage\n\n### Class imbalance\n- TBD\n', '## Data\n### Data leakage\nCounters use only events before the impression time.\n### Class imbalance\n- TBD\n', 'data-leakage'],
    ['ad-click-prediction', '## Data\n### Class imbalance\n- TBD\n### Data leakage\n', '## Data\n### Class imbalance\n- downsample negatives 1:10 and reweight them\n### Data leakage\n', 'class-imbalance'],
    ['eta-prediction', '## Data\n### Time-based split\n', '## Data\n### Time-based split\nTrain on the weeks before a cutoff date, test on the week after.\n', 'data-splitting'],
    ['notification-ranking', '## Model\nBaseline:\nTBD\nLoss function:\nto be decided\n', '## Model\nBaseline:\nrank by how often each type was opened\nLoss function:\nto be decided\n', 'baseline'],
  ];
  it.each(outlines)('%s: %j covers nothing until answered', (prompt, outline, answered, id) => {
    expect(item(prompt, outline, id).status).toBe('missed');
    expect(item(prompt, answered, id).status).toBe('covered');
  });

  it('scores an outline of headings only 0 at every level', () => {
    const outline = '# My design\n## Requirements\nTBD.\n## Training data\nx.\n## Model and trade-offs\nTo do.\n## Offline and online metrics\n...\n## Deployment\n## Monitoring and retraining\n';
    for (const prompt of ['news-feed', 'fraud-detection', 'video-search']) {
      const report = scoreBuiltin(prompt, outline);
      expect(report.overallByLevel).toEqual({ mid: 0, senior: 0, staff: 0 });
      expect(earned(prompt, outline)).toEqual([]);
    }
    expect(scoreBuiltin('fraud-detection', '# Title only\n## Model\n').overallByLevel).toEqual({ mid: 0, senior: 0, staff: 0 });
    // Anything earned keeps mid at or above senior.
    const some = scoreBuiltin('fraud-detection', '## Model\nWe start with logistic regression as a baseline because it is quick to train.\n');
    const { mid, senior } = some.overallByLevel ?? { mid: 0, senior: 0 };
    expect(mid).toBeGreaterThan(0);
    expect(mid).toBeGreaterThanOrEqual(senior);
  });
});

