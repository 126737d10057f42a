import { beforeAll, describe, expect, it } from 'vitest';
import { promptSchema, type Prompt } from '../../src/content/schema.js';
import type { ContentIssue } from '../../src/content/parse.js';
import { renderLoadProblems, renderNewWritten, renderValidation } from '../../src/ui/content-check-view.js';
import { renderPromptDetail, renderPromptList, renderRubricDetail, renderRubricList, type PromptRow } from '../../src/ui/content-view.js';
import { renderCard, renderCardResult } from '../../src/ui/drill-view.js';
import { renderNote, renderWarning } from '../../src/ui/notices.js';
import { renderOpening, renderResuming, renderTimeUsed } from '../../src/ui/practice-screens.js';
import { renderComparison } from '../../src/ui/progress.js';
import type { Comparison } from '../../src/progress/compare.js';
import { createStyle, loadChalk, PLAIN_STYLE, type Style } from '../../src/ui/style.js';
import { fitWidth, visibleLength, wrapAfter } from '../../src/ui/wrap.js';
import { testRubric } from '../helpers/rubric.js';

// Renderer tests (issue 14.1, 14.8): each view is pure (data in, lines out); the same data is shown with
// colour off and on, so escapes appear only at a level above 0, and never change what the text says.
let colour: Style;
beforeAll(async () => {
  await loadChalk();
  colour = createStyle(1);
});
const plain = PLAIN_STYLE;
/** Escapes made visible, so an inline snapshot shows where each style starts and ends. */
const show = (lines: string[]) => lines.join('\n').replace(/\u001b\[(\d+)m/g, '<$1>');
const strip = (lines: string[]) => lines.map((l) => l.replace(/\u001b\[[0-9;]*m/g, ''));

const rows: PromptRow[] = [
  { id: 'ad-clicks', title: 'Ad click prediction', difficulty: 'medium', tags: ['ads', 'ranking'], origin: 'built-in' },
  { id: 'eta', title: 'Delivery time estimate', difficulty: 'hard', tags: ['regression', 'logistics', 'real-time'], origin: 'user, overrides built-in' },
];

const prompt: Prompt = promptSchema.parse({
  id: 'tiny-prompt',
  title: 'A tiny prompt',
  prompt: 'Design something small that predicts something useful.',
  tags: ['ads'],
  difficulty: 'easy',
  clarifications: [{ topic: 'scale', patterns: ['how many'], answer: 'Ten million users a day.' }],
  outline: { clarify: ['Ask the goal'], frame: ['Binary classification'], data: ['Logs'], model: ['Logistic regression first'], evaluation: ['AUC, then an A/B test'], serving: ['Online'], monitoring: ['Drift'] },
});

describe('content views', () => {
  it('prompts list, one line per prompt when it fits, plain', () => {
    expect(show(renderPromptList(rows, undefined, plain, 120))).toMatchInlineSnapshot(`
      "ad-clicks  Ad click prediction     medium  ads, ranking  (built-in)
      eta        Delivery time estimate  hard    regression, logistics, real-time  (user, overrides built-in)

      2 prompts. Score an answer: mlsd score answer.md --prompt <id>"
    `);
  });

  it('prompts list on a narrow terminal: two lines per prompt, none wider than the width', () => {
    const lines = renderPromptList(rows, undefined, plain, 50);
    expect(show(lines)).toMatchInlineSnapshot(`
      "ad-clicks  Ad click prediction
                 medium · ads, ranking  (built-in)
      eta        Delivery time estimate
                 hard · regression, logistics, real-time
                 (user, overrides built-in)

      2 prompts. Score an answer: mlsd score answer.md
      --prompt <id>"
    `);
    expect(Math.max(...lines.map(visibleLength))).toBeLessThanOrEqual(50);
  });

  it('prompts list with colour: the same text, ids bold and details dim', () => {
    const lines = renderPromptList(rows, undefined, colour, 120);
    expect(strip(lines)).toEqual(renderPromptList(rows, undefined, plain, 120));
    expect(show(lines)).toMatchInlineSnapshot(`
      "<1>ad-clicks  <22>Ad click prediction     medium  <2>ads, ranking  (built-in)<22>
      <1>eta        <22>Delivery time estimate  hard    <2>regression, logistics, real-time  (user, overrides built-in)<22>

      <2>2 prompts. Score an answer: mlsd score answer.md --prompt <id><22>"
    `);
  });

  it('an empty list says why', () => {
    expect(renderPromptList([], 'zzz', colour, 80)).toEqual(['No prompt has the tag "zzz".']);
  });

  it('prompts show without --full hides the answers and the outline', () => {
    const lines = renderPromptDetail(prompt, { origin: 'built-in', file: '/content/tiny-prompt.yaml' }, false, plain, 80);
    expect(show(lines)).toMatchInlineSnapshot(`
      "A tiny prompt  ·  tiny-prompt  ·  easy  ·  built-in

        “Design something small that predicts something useful.”

      tags      ads
      rubrics   framework
      file      /content/tiny-prompt.yaml

      Clarifications the interviewer can answer
        • scale

      Add --full for the interviewer's answers and the reference outline (spoilers)."
    `);
    expect(lines.join('\n')).not.toContain('Ten million');
  });

  it('prompts show --full, with colour', () => {
    expect(show(renderPromptDetail(prompt, { origin: 'built-in', file: '/content/tiny-prompt.yaml' }, true, colour, 80))).toMatchInlineSnapshot(`
      "<1>A tiny prompt<22><2>  ·  tiny-prompt  ·  easy  ·  built-in<22>

        “Design something small that predicts something useful.”

      <1>tags<22>      ads
      <1>rubrics<22>   framework
      <1>file<22>      /content/tiny-prompt.yaml

      <1>Clarifications the interviewer can answer<22>
        • scale: Ten million users a day.

      <1>Reference outline<22>
        <1>Clarify requirements<22>
          - Ask the goal
        <1>Frame as an ML task<22>
          - Binary classification
        <1>Data and features<22>
          - Logs
        <1>Model development<22>
          - Logistic regression first
        <1>Evaluation<22>
          - AUC, then an A/B test
        <1>Deployment and serving<22>
          - Online
        <1>Monitoring and maintenance<22>
          - Drift"
    `);
  });

  it('rubrics list', () => {
    const list = [
      { id: 'framework', items: 45, redFlags: 11, usedBy: 'every prompt', origin: 'built-in' },
      { id: 'ad-clicks', items: 1, redFlags: 1, usedBy: 'ad-clicks', origin: 'user' },
      { id: 'broken', items: 2, redFlags: 0, usedBy: 'no prompt', origin: 'user', errors: true },
    ];
    expect(show(renderRubricList(list, plain, 100))).toMatchInlineSnapshot(`
      "framework   45 items, 11 red flags    used by every prompt  (built-in)
      ad-clicks   1 item, 1 red flag        used by ad-clicks  (user)
      broken      2 items, 0 red flags      has errors, so unused (mlsd rubrics validate)  (user)"
    `);
    expect(show(renderRubricList(list, colour, 50))).toMatchInlineSnapshot(`
      "<1>framework   <22>45 items, 11 red flags
      <2>            used by every prompt  (built-in)<22>
      <1>ad-clicks   <22>1 item, 1 red flag
      <2>            used by ad-clicks  (user)<22>
      <1>broken      <22>2 items, 0 red flags
      <33>            has errors, so unused (mlsd rubrics<39>
      <33>            validate)  (user)<39>"
    `);
  });

  it('rubrics show fits its columns to the width', () => {
    const lines = renderRubricDetail(testRubric, { origin: 'built-in', file: '/r/framework.yaml' }, false, plain, 60);
    expect(show(lines)).toMatchInlineSnapshot(`
      "Test framework
        framework · built-in · /r/framework.yaml

      Clarify requirements
        business-objective  business-objective · weight 4 · core
        scale               scale · weight 3 · core

      Data and features
        labels              labels · weight 4 · core
        data-leakage        data-leakage · weight 3 · senior

      Model development
        baseline            baseline · weight 5 · core
        model-choice        model-choice · weight 3 · core

      Evaluation
        offline-metrics     offline-metrics · weight 4 · core
        ab-test             ab-test · weight 4 · core
        exploration         exploration · weight 2 · staff

      Deployment and serving
        online-vs-batch     online-vs-batch · weight 4 · core

      Monitoring and maintenance
        drift               drift · weight 4 · core
        retraining          retraining · weight 4 · core

      Red flags
        Accuracy as the only metric
                                    accuracy-only · major
        Deep model with no baseline
                                    no-baseline · minor
        Model named while clarifying
                                    model-while-clarifying · minor

      Add --full for phrases and follow-up questions."
    `);
    expect(Math.max(...lines.map(visibleLength))).toBeLessThanOrEqual(60);
  });
});

describe('validate, new and load warnings', () => {
  const issues: ContentIssue[] = [
    { file: 'p.yaml', line: 3, col: 13, path: 'difficulty', message: 'expected easy, medium or hard', severity: 'error' },
    { file: 'p.yaml', line: 1, col: 1, path: 'id', message: 'overrides a built-in', severity: 'warning' },
  ];

  it('validate, plain and coloured', () => {
    const counts = { files: 1, prompts: 1, rubrics: 0 };
    expect(show(renderValidation(issues, counts, plain))).toMatchInlineSnapshot(`
      "p.yaml:3:13 difficulty: expected easy, medium or hard (error)
      p.yaml:1:1 id: overrides a built-in (warning)
      1 file checked (1 prompt, 0 rubrics): 1 error, 1 warning"
    `);
    expect(show(renderValidation(issues, counts, colour))).toMatchInlineSnapshot(`
      "p.yaml:3:13 difficulty: expected easy, medium or hard <2>(<31>error<39>)<22>
      p.yaml:1:1 id: overrides a built-in <2>(<33>warning<39>)<22>
      <31>1 file checked (1 prompt, 0 rubrics): 1 error, 1 warning<39>"
    `);
    expect(show(renderValidation([], counts, colour))).toMatchInlineSnapshot(`"<32>1 file checked (1 prompt, 0 rubrics): 0 errors, 0 warnings<39>"`);
  });

  it('load problems: one warning per file with a count of the rest', () => {
    const more: ContentIssue[] = [...issues, { ...issues[0]!, line: 4, path: 'title' }];
    expect(show(renderLoadProblems(['user prompt "x" overrides the built-in one'], more, plain))).toMatchInlineSnapshot(`
      "notice: user prompt "x" overrides the built-in one
      warning: skipped p.yaml:3:13 difficulty: expected easy, medium or hard (+1 more)
        run \`mlsd prompts validate\` to see every problem"
    `);
    expect(show(renderLoadProblems([], more, colour))).toMatchInlineSnapshot(`
      "<33>warning: skipped p.yaml:3:13 difficulty: expected easy, medium or hard (+1 more)<39>
      <2>  run \`mlsd prompts validate\` to see every problem<22>"
    `);
    expect(renderLoadProblems([], [], colour)).toEqual([]);
  });

  it('load problems wrap at spaces to a narrow stderr, continued two columns in, each line within the width', () => {
    const long: ContentIssue[] = [{ ...issues[0]!, file: '/home/sam/prompts/my-prompt.yaml', message: 'expected easy, medium or hard, got "impossible"' }];
    const lines = renderLoadProblems(['user prompt "fraud-detection" overrides the built-in one'], long, plain, 40).join('\n').split('\n');
    expect(lines.every((line) => line.length <= 40)).toBe(true);
    expect(lines[0]).toMatch(/^notice: /);
    expect(lines.find((line) => line.startsWith('warning: '))).toBeDefined();
    expect(lines.filter((line) => line.startsWith('  ')).length).toBeGreaterThan(1);
    expect(lines.join(' ').replace(/\s+/g, ' ')).toContain('skipped /home/sam/prompts/my-prompt.yaml:3:13 difficulty: expected easy, medium or hard, got "impossible"');
  });

  it('new: what was written, an override, whether it validates', () => {
    expect(show(renderNewWritten('prompt', '/c/p.yaml', [], { id: 'p', file: '/b/p.yaml' }, colour))).toMatchInlineSnapshot(`
      "
      <32>wrote<39> /c/p.yaml
      <33>note: this overrides the built-in prompt "p" (/b/p.yaml)<39>
      <32>It validates.<39>"
    `);
    expect(show(renderNewWritten('rubric', '/c/r.yaml', issues, null, plain))).toMatchInlineSnapshot(`
      "
      wrote /c/r.yaml
      p.yaml:3:13 difficulty: expected easy, medium or hard (error)
      p.yaml:1:1 id: overrides a built-in (warning)"
    `);
  });
});

describe('drill and practice lines', () => {
  const card = { index: 1, total: 3, label: 'Offline metrics', promptTitle: 'Ad clicks', promptText: 'Design ad click prediction.', followUp: 'How would you measure it before launch?' };

  it('a card, plain and coloured', () => {
    expect(show(renderCard(card, plain, 60))).toMatchInlineSnapshot(`
      "
      Card 1 of 3 · Offline metrics  ·  Ad clicks
      Prompt: “Design ad click prediction.”
        Interviewer: How would you measure it before launch?"
    `);
    expect(show(renderCard(card, colour, 60))).toMatchInlineSnapshot(`
      "
      <1>Card 1 of 3 · Offline metrics<22><2>  ·  Ad clicks<22>
      <2>Prompt: “Design ad click prediction.”<22>
      <36>  Interviewer: How would you measure it before launch?<39>"
    `);
  });

  it('the verdict on an answer', () => {
    const due = new Date('2026-03-04T10:20:00Z');
    expect(show(renderCardResult({ status: 'covered', depth: 'mention', matched: ['auc'] }, 'Name a metric and why.', 'good', due, colour, 60))).toMatchInlineSnapshot(`
      "<32>✓ covered<39><33> (only listed: say why)<39>: auc
      <36>hint: Name a metric and why.<39>
      <2>  rated good; next review 2026-03-04 10:20 UTC<22>"
    `);
    expect(show(renderCardResult({ status: 'missed', depth: 'mention', matched: [] }, 'Name a metric and why.', 'again', due, plain, 60))).toMatchInlineSnapshot(`
      "✗ not yet
      hint: Name a metric and why.
        rated again; next review 2026-03-04 10:20 UTC"
    `);
  });

  it('time used', () => {
    expect(show(renderTimeUsed(61_000, 45 * 60_000, 'abc123', colour, 80))).toMatchInlineSnapshot(`"<2>Time used 1:01 of 45:00. Saved as session abc123.<22>"`);
    expect(renderTimeUsed(61_000, 45 * 60_000, null, plain, 80)).toEqual(['Time used 1:01 of 45:00.']);
  });

  it('notes and warnings on stderr', () => {
    expect(renderNote('x', plain)).toBe('note: x');
    expect(show([renderWarning('skipped f.json: not JSON', colour)])).toMatchInlineSnapshot(`"<33>warning: skipped f.json: not JSON<39>"`);
  });
});

describe('practice opening and review --compare', () => {
  it('the opening, at 60 columns, plain: every line fits', () => {
    const lines = renderOpening({ prompt, level: 'senior', duration: 45, sessionId: 'abc123', editor: true }, plain, 60);
    expect(show(lines)).toMatchInlineSnapshot(`
      "Mock interview · A tiny prompt
        level senior · 45 minutes · session abc123

        Interviewer: “Design something small that predicts
        something useful.”

      Stages and time budgets
        1. Clarify requirements          5:00
        2. Frame as an ML task           4:00
        3. Data and features             8:00
        4. Model development             10:00
        5. Evaluation                    6:00
        6. Deployment and serving        7:00
        7. Monitoring and maintenance    5:00

      How it works
        • First, clarify: ask one question per line and the
          interviewer answers what they know (paste several lines
          to ask several questions). State assumptions the same
          way. Enter on an empty line moves on.
        • Then each stage in turn: your $VISUAL / $EDITOR opens on
          a file with the question at the top; save and close it
          to submit. A graphical editor needs its wait flag (code
          --wait).
        • When an important point is missing, the interviewer asks
          a follow-up (at most two per stage); answering it earns
          partial credit.
        • The clock keeps running while you type; warnings appear
          in the box when a stage runs over and at 5 and 1 minutes
          left. At zero the interview ends, what you typed is
          kept, and stages not reached score zero.
        • Ctrl-C asks whether to quit (the clock keeps running
          while it asks). Your text is saved as you type; a quit
          session continues with \`mlsd resume\`.
      "
    `);
    expect(Math.max(...lines.map(visibleLength))).toBeLessThanOrEqual(60);
  });

  it('the line of a resumed session, coloured', () => {
    expect(show(renderResuming('abc123', 'A tiny prompt', colour, 80))).toMatchInlineSnapshot(`
      "<1>Resuming abc123<22>: A tiny prompt
      "
    `);
  });

  const comparison: Comparison = {
    overall: { before: 40, after: 55, delta: 15 },
    stages: [
      { id: 'clarify', title: 'Clarify requirements', before: 50, after: 50, delta: 0 },
      { id: 'model', title: 'Model development', before: 30, after: 70, delta: 40 },
      { id: 'serving', title: 'Deployment and serving', before: 60, after: 45, delta: -15 },
    ],
    gained: [{ id: 'baseline', label: 'Baseline first', stage: 'model' }],
    lost: [],
    samePrompt: false,
    notCompared: 1,
  };

  it('a comparison across two prompts, plain at 60 columns and coloured', () => {
    const labels = { before: 'aaaa1111 (ad-clicks, 2026-03-01 12:00)', after: 'bbbb2222 (eta, 2026-03-02 12:00)' };
    const lines = renderComparison(comparison, labels, plain, 60);
    expect(show(lines)).toMatchInlineSnapshot(`
      "Compare aaaa1111 (ad-clicks, 2026-03-01 12:00) → bbbb2222
        (eta, 2026-03-02 12:00)

        These sessions answer different prompts: scores are not
        like for like, and gained and lost list only the items
        both were scored on (1 prompt-specific item is left out).

        Overall                        40 →  55  +15
        Clarify requirements           50 →  50  0
        Model development              30 →  70  +40
        Deployment and serving         60 →  45  -15

      Gained (1)
        ✓ Baseline first (model)

      Lost (0)
        nothing lost"
    `);
    expect(Math.max(...lines.map(visibleLength))).toBeLessThanOrEqual(60);
    expect(show(renderComparison(comparison, labels, colour, 100))).toMatchInlineSnapshot(`
      "<1>Compare<22> aaaa1111 (ad-clicks, 2026-03-01 12:00) → bbbb2222 (eta, 2026-03-02 12:00)

      <33>  These sessions answer different prompts: scores are not like for like, and gained and lost list<39>
      <33>  only the items both were scored on (1 prompt-specific item is left out).<39>

        Overall                        40 →  55  <32>+15<39>
        Clarify requirements           50 →  50  <2>0<22>
        Model development              30 →  70  <32>+40<39>
        Deployment and serving         60 →  45  <31>-15<39>

      <1>Gained (1)<22>
        <32>✓<39> Baseline first <2>(model)<22>

      <1>Lost (0)<22>
      <2>  nothing lost<22>"
    `);
  });
});

describe('fitting lines to the width', () => {
  it('fitWidth wraps only what is too wide, under its own indent', () => {
    expect(fitWidth(['short', '  a line that is far too long for twenty columns'], 20)).toEqual(['short', '  a line that is far', '    too long for', '    twenty columns']);
  });

  it('fitWidth cuts a word longer than the line (a long path), keeping escapes whole', () => {
    expect(fitWidth(['answer: /a/very/long/path/to/answer.md'], 16)).toEqual(['answer:', '  /a/very/long/p', '  ath/to/answer.', '  md']);
    const coloured = fitWidth(['\u001b[2m/a/very/long/path/to/answer.md\u001b[22m'], 12);
    expect(coloured.map(visibleLength).every((n) => n <= 12)).toBe(true);
    expect(coloured.join('').replace(/\u001b\[[0-9;]*m/g, '').replace(/ /g, '')).toBe('/a/very/long/path/to/answer.md');
  });

  it('wrapAfter keeps the head as it is', () => {
    expect(wrapAfter('  ✓ ', 'A long label (said under data)', 30, '      ')).toEqual(['  ✓ A long label (said under', '      data)']);
    expect(wrapAfter('Verdict  ', '', 30, '  ')).toEqual(['Verdict  ']);
  });
});
