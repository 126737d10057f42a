#!/usr/bin/env node
// npm run agreement: how far mlsd agrees with the graders of the calibration corpus (docs/architecture.md, What we measure).
// Prints figures; never fails a build. Uses the built library code (dist/), as the CLI does.
//
//   node scripts/agreement.mjs [--corpus DIR] [--cases FILE] [--verbose]
//
// --corpus: a directory with answers/ and grades.json (default ../shared/calibration beside the repo).
// --cases:  field cases YAML (default tests/fixtures/cases/field-cases.yaml).
// --verbose: list every disagreement (answer, item, fp/fn, mlsd's evidence).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';

const root = new URL('..', import.meta.url).pathname;
const dist = (p) => import(join(root, 'dist', p));

const { buildCatalog, rubricsFor } = await dist('content/catalog.js');
const { compileRubrics } = await dist('scoring/compile.js');
const { scoreAnswers } = await dist('scoring/score.js');
const { parseAnswers } = await dist('answers/parse.js');
const { itemAgreement, rates, checkFieldCase } = await dist('scoring/agreement.js');
const { agreement, crossValidateByPrompt, fitScale, predict, sampleFromReport } = await dist('scoring/scale-fit.js');
const { SCALE } = await dist('scoring/scale-parameters.js');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const verbose = args.includes('--verbose');
const corpus = resolve(option('--corpus', join(root, '..', 'shared', 'calibration')));
const casesFile = resolve(option('--cases', join(root, 'tests', 'fixtures', 'cases', 'field-cases.yaml')));

// Built-in content, read as the CLI reads it.
const read = (kind, dir) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ kind, file: f, text: readFileSync(join(root, dir, f), 'utf8'), origin: 'built-in' }));
export const catalog = buildCatalog([...read('rubric', 'rubrics'), ...read('prompt', 'prompts')]);
const scopes = new Map();

/** Scores one answer text as `mlsd score FILE --prompt ID` does; returns the report and the heading mapping. */
export function scoreText(text, file, promptId, level = 'senior') {
  const entry = catalog.prompts.get(promptId);
  if (!entry) throw new Error(`unknown prompt ${promptId}`);
  const prompt = entry.value;
  if (!scopes.has(promptId)) scopes.set(promptId, compileRubrics(rubricsFor(catalog, prompt)));
  const parsed = parseAnswers(text, file);
  const report = scoreAnswers({ prompt, scope: scopes.get(promptId), answers: parsed.answers, level });
  return { report, parsed };
}

const pct = (x) => x.toFixed(3);
const fmt = (r) => `P ${pct(r.precision)}  R ${pct(r.recall)}  F1 ${pct(r.f1)}`;

// Prompts split in two halves by sorted id (alternating), for figures on a part not tuned on.
const half = (promptId, prompts) => (prompts.indexOf(promptId) % 2 === 0 ? 'A' : 'B');

/** Every graded answer of the corpus, scored. */
export function scoreCorpus(dir) {
  const grades = JSON.parse(readFileSync(join(dir, 'grades.json'), 'utf8'));
  const out = [];
  for (const [id, grade] of Object.entries(grades)) {
    const file = join(dir, 'answers', grade.file);
    if (!existsSync(file)) continue;
    const { report } = scoreText(readFileSync(file, 'utf8'), grade.file, grade.prompt);
    out.push({ id, grade, report });
  }
  return out;
}

if (existsSync(join(corpus, 'grades.json'))) {
  const scored = scoreCorpus(corpus);
  const prompts = [...new Set(scored.map((s) => s.grade.prompt))].sort();
  const all = itemAgreement(scored);
  console.log(`mlsd agreement · ${scored.length} graded answers in ${corpus}\n`);
  console.log(`Framework items (covered vs graders' covered/notCovered, disputed left out)`);
  console.log(`  all answers       ${fmt(rates(all.overall))}   (tp ${all.overall.tp}, fp ${all.overall.fp}, fn ${all.overall.fn}, tn ${all.overall.tn})`);
  for (const h of ['A', 'B']) {
    const part = itemAgreement(scored.filter((s) => half(s.grade.prompt, prompts) === h));
    console.log(`  prompt half ${h}     ${fmt(rates(part.overall))}`);
  }
  console.log('\n  per item');
  for (const [item, c] of [...all.perItem.entries()].sort()) {
    console.log(`    ${item.padEnd(30)} ${fmt(rates(c))}   fp ${c.fp} fn ${c.fn}`);
  }
  // Scores (issue 11): the overall and stage scores against the graders' mean, cross-validated by
  // prompt (each prompt's answers scored with a scale fitted on the other prompts only), and as
  // shipped (the committed scale, fitted on all of them: in-sample).
  const samples = scored.map((s) => sampleFromReport(s.id, s.report, s.grade));
  const crossValidated = crossValidateByPrompt(samples);
  const shipped = samples.map((s) => predict(s, SCALE));
  const signed = (x) => `${x >= 0 ? '+' : ''}${x.toFixed(1)}`;
  const line = (label, a) =>
    `  ${label.padEnd(18)} Spearman ${a.spearman.toFixed(2)}  MAE ${a.mae.toFixed(1)}  bias ${signed(a.bias)}  band exact ${(100 * a.bandExact).toFixed(0)}%  within one ${(100 * a.bandWithinOne).toFixed(0)}%`;
  const cv = agreement(samples, crossValidated);
  const ins = agreement(samples, shipped);
  console.log(`\nScores against the graders' mean (${samples.length} answers; aim: Spearman >= 0.85, MAE <= 8, |bias| <= 4, band within one >= 95%)`);
  console.log(line('cross-validated', cv));
  console.log(line('in-sample', ins));
  console.log(`  per-stage MAE      ${Object.entries(cv.stageMae).map(([st, v]) => `${st} ${v.toFixed(1)}`).join('  ')}  (cross-validated)`);
  console.log(`  per-stage MAE      ${Object.entries(ins.stageMae).map(([st, v]) => `${st} ${v.toFixed(1)}`).join('  ')}  (in-sample)`);
  const stale = agreement(samples, samples.map((s) => predict(s, fitScale(samples))));
  if (Math.abs(stale.mae - ins.mae) > 0.05) console.log('  note: the committed scale differs from a fresh fit; run `npm run fit-scale` to refit');
  if (verbose) {
    console.log('\n  answers (graded / cross-validated / in-sample)');
    scored.forEach((s, i) => console.log(`    ${s.id.padEnd(6)} ${s.grade.prompt.padEnd(26)} ${String(s.grade.overall).padStart(5)} ${String(crossValidated[i].overall).padStart(4)} ${String(shipped[i].overall).padStart(4)}  ${s.report.redFlags.filter((f) => f.rubric !== 'mlsd').map((f) => f.id).join(', ')}`));
  }
  if (verbose) {
    console.log('\n  disagreements');
    for (const d of all.disagreements) {
      console.log(`    ${d.answer} ${d.kind} ${d.item}${d.evidence ? `  <- "${d.evidence}"` : ''}`);
    }
  }
} else {
  console.log(`no calibration corpus at ${corpus} (use --corpus DIR)`);
}

if (existsSync(casesFile)) {
  const { cases } = parseYaml(readFileSync(casesFile, 'utf8'));
  let holding = 0;
  const failing = [];
  for (const c of cases) {
    const { report, parsed } = scoreText(c.text, `${c.id}.md`, c.prompt);
    const result = checkFieldCase(c, report, parsed.mapping);
    if (result.holds) holding++;
    else failing.push(`${c.id} (${c.kind}): expected ${c.expected}, got ${result.actual}`);
  }
  console.log(`\nField cases: ${holding} of ${cases.length} hold (${casesFile})`);
  for (const f of failing) console.log(`  fails ${f}`);
}
