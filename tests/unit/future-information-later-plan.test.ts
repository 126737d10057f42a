import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scoreBuiltin } from '../helpers/builtin.js';
import { flagCases } from '../helpers/stage-cases.js';

// "Later" as a word of the candidate's plan ("later we could add more features") is no information known
// only after the prediction; "whether the card was later reported stolen" as a feature is.

describe('future-information-feature hears an outcome after the prediction, not a plan for later', () => {
  flagCases('future-information-feature', [
    ['fraud-detection', 'Features', 'Features could later include the device fingerprint and whether the card was later reported stolen.'],
    ['news-feed', 'Features', "Later on we can add features such as whether the user later liked the author's other posts."],
    ['search-ranking', 'Model', 'We can later add features like query length and whether the product was later returned.'],
    ['notification-ranking', 'Features', 'Later we will add a feature for whether the notification was eventually opened.'],
    ['event-recommendation', 'Features', 'Later we can add a feature on whether the user ultimately attended the event.'],
    ['harmful-content-detection', 'Features', 'Later we could add features like whether the post was later removed by moderators.'],
  ], [
    ['people-you-may-know', 'Features', 'Later we could add more features, like which groups people are in.'],
    ['news-feed', 'Features', "Later we can add features such as the author's follower count."],
    ['video-recommendation', 'Features', "Later we might add signals like the creator's upload rate."],
    ['fraud-detection', 'Features', 'We will add more features later, such as merchant category and device age.'],
    ['harmful-content-detection', 'Features', "In a later version we can add features like the author's account age."],
    ['event-recommendation', 'Features', 'If we later get more data, we could add features like how many events the user attended.'],
    ['search-ranking', 'Features', "Eventually we would add features like the query's click rate over the past month."],
  ]);
  it('the people-you-may-know weak fixture ("Later we could add more features ...") raises no future-information flag', () => {
    const text = readFileSync(new URL('../fixtures/answers/people-you-may-know.weak.md', import.meta.url), 'utf8');
    expect(text).toContain('Later we could add more features');
    expect(scoreBuiltin('people-you-may-know', text).redFlags.map((f) => f.id)).not.toContain('future-information-feature');
  });
});
