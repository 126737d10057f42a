import { describe, expect, it } from 'vitest';
import { itemOf, score } from '../helpers/rubric.js';

// Issue 10, item 7: an answer to an item's follow-up is read for that item first (needed
// prompting), and is not spread over other items through whatever phrase it contains.
describe('follow-up answers', () => {
  it('credit the item that was asked about, as prompted, even in the candidate\'s own words', () => {
    const report = score({
      sections: { monitoring: 'We watch the dashboards.' },
      followUps: [{ stage: 'monitoring', itemId: 'retraining', text: 'Every Sunday a job fits a fresh copy on the last four weeks and we swap it in if it wins.' }],
    });
    expect(itemOf(report, 'retraining').status).toBe('prompted');
  });

  // Tryout 8, F14: what a follow-up answer says earns every item it covers, at the follow-up's credit
  // (this test said the opposite until then: an answer to another item's follow-up earned nothing).
  it('credit every other item they cover, as prompted', () => {
    const report = score({
      sections: { monitoring: 'We watch the dashboards.' },
      followUps: [{ stage: 'monitoring', itemId: 'retraining', text: 'We retrain weekly, and drift in the inputs would trigger it early.' }],
    });
    expect(itemOf(report, 'retraining').status).toBe('prompted');
    expect(itemOf(report, 'drift').status).toBe('prompted');
  });

  it('credit no other item for words it does not say, nor for a negated one', () => {
    const report = score({
      sections: { monitoring: 'We watch the dashboards.' },
      followUps: [{ stage: 'monitoring', itemId: 'retraining', text: 'We retrain every week on the latest data; we do not track drift.' }],
    });
    expect(itemOf(report, 'retraining').status).toBe('prompted');
    expect(itemOf(report, 'drift').status).toBe('missed');
    expect(itemOf(report, 'ab-test').status).toBe('missed');
  });

  it('do not credit the item for "I don\'t know"', () => {
    const report = score({
      sections: { monitoring: 'We watch the dashboards.' },
      followUps: [{ stage: 'monitoring', itemId: 'retraining', text: "I don't know, I have not thought about that part yet." }],
    });
    expect(itemOf(report, 'retraining').status).toBe('missed');
  });

  it('still read older follow-ups that name no item for every item', () => {
    const report = score({
      sections: { monitoring: 'We watch the dashboards.' },
      followUps: [{ stage: 'monitoring', text: 'We look for drift in the inputs every day.' }],
    });
    expect(itemOf(report, 'drift').status).toBe('prompted');
  });
});
