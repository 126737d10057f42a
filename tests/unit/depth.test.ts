import { describe, expect, it } from 'vitest';
import { readDepth } from '../../src/scoring/depth.js';
import { scoreBuiltin } from '../helpers/builtin.js';

describe('depth cues', () => {
  it.each([
    ['gbdt: works great on tabular, fast inference', 'justified', 'reason'],
    ['LR baseline -> GBDT once we have the features', 'justified', 'reason'],
    ['We use focal loss to avoid drowning in easy negatives', 'justified', 'reason'],
    ['Two-tower instead of a cross-encoder for retrieval', 'justified', 'comparison'],
    ['Batch vs online prediction: online, per request', 'justified', 'comparison'],
    ['We retrain daily on the last 30 days', 'chosen', 'number'],
    ['p99 latency under 50 ms', 'chosen', 'number'],
    ['We start with logistic regression', 'chosen', 'decision'],
    ['Labels: clicks within an hour of the impression', 'chosen', 'decision'],
  ])('reads "%s" as %s (%s)', (claim, level, cue) => {
    const reading = readDepth(claim);
    expect(reading.level).toBe(level);
    expect(reading.cues).toContain(cue);
  });

  it.each(['AUC', 'drift monitoring', 'DCN v2', 'p99'])('reads the bare term "%s" as named', (claim) => {
    expect(readDepth(claim).level).toBe('named');
  });
});

describe('depth in a scored answer', () => {
  it('credits a terse note with a reason fully, and a term in a list of terms at about a third', () => {
    const note = scoreBuiltin('ad-click-prediction', '## Model\n- LR baseline first, b/c it is fast to train and easy to debug -> GBDT next\n');
    const list = scoreBuiltin('ad-click-prediction', '## Model\nbaseline, logistic regression, GBDT, DCN, DeepFM, two-tower\n');
    const baseline = (r: ReturnType<typeof scoreBuiltin>) => r.stages.flatMap((s) => s.items).find((i) => i.id === 'baseline')!;
    expect(baseline(note)).toMatchObject({ status: 'covered', depthLevel: 'justified', credit: 1 });
    expect(baseline(list)).toMatchObject({ status: 'covered', depthLevel: 'named' });
    expect(baseline(list).credit).toBeLessThan(0.5);
  });

  it('reads each entry of a list on its own: a number elsewhere in the list does not deepen a bare term', () => {
    const report = scoreBuiltin('ad-click-prediction', '## Monitoring\ndrift, PSI, retrain every 6 hours, alerts\n');
    const drift = report.stages.flatMap((s) => s.items).find((i) => i.id === 'drift')!;
    expect(drift.depthLevel).toBe('named');
  });

  it('still flags a stage that is only a list of terms', () => {
    const report = scoreBuiltin('ad-click-prediction', '## Model\nbaseline, logistic regression, GBDT, DCN, DeepFM, two-tower, focal loss\n');
    expect(report.redFlags.some((f) => f.id === 'list-instead-of-reasoning' && f.stage === 'model')).toBe(true);
  });
});

describe('an empty reason, however it is dressed, is at most chosen', () => {
  it.each([
    'We use a deep neural network because it is the most powerful model.',
    'We use GBDT because it is trendy.',
    'We pick a transformer since it is the latest model out there.',
    'We use a DNN because it is a powerful model.',
    // Popularity alone is no reason either (tryout 6).
    'We use XGBoost since everyone uses it.',
    'We went with BERT because everybody does.',
    'We use Kafka as other teams use it.',
  ])('%s', (claim) => expect(readDepth(claim, true).level).toBe('chosen'));

  it.each([
    'We use GBDT because it is the best model for tabular data.',
    'We use GBDT because it handles missing values and mixed feature types.',
    'We use a transformer because it is the most powerful model for long text.',
    'We use XGBoost since everyone uses it for tabular data at low latency.',
  ])('a reason with content stays justified: %s', (claim) => expect(readDepth(claim, true).level).toBe('justified'));
});

describe('a terse note with a quantity is chosen: form never lowers depth', () => {
  it.each(['retrain daily', 'refresh hourly', 'p99 50ms', 'retrain ~weekly'])('%s', (note) => expect(readDepth(note).level).toBe('chosen'));

  it.each(['monitor drift', 'fast, cheap', 'focal loss'])('a bare two-word term stays named: %s', (note) => expect(readDepth(note).level).toBe('named'));

  it('reads "- retrain daily" as "- we retrain daily" reads, with no list-of-terms flag', () => {
    const bare = scoreBuiltin('ad-click-prediction', '## Monitoring\n- retrain daily\n- rollback via model registry\n');
    const said = scoreBuiltin('ad-click-prediction', '## Monitoring\n- we retrain daily\n- rollback via model registry\n');
    const retraining = (r: typeof bare) => r.stages.flatMap((s) => s.items).find((i) => i.id === 'retraining')!.depthLevel;
    expect(retraining(bare)).toBe('chosen');
    expect(retraining(said)).toBe('chosen');
    expect(bare.redFlags.map((f) => f.id)).not.toContain('list-instead-of-reasoning');
  });
});
