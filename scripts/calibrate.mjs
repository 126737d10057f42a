#!/usr/bin/env node
// Shows how a fixture answer meets the calibration bar of tests/unit/calibration.test.ts:
// overall, verdict, the share of the prompt's own rubric earned, what was missed and which flags fired.
// Usage: node scripts/calibrate.mjs <prompt-id> <answer-file> [--against <other-prompt-id>]
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const [prompt, file, flag, other] = process.argv.slice(2);
if (!prompt || !file) {
  console.error('usage: node scripts/calibrate.mjs <prompt-id> <answer-file> [--against <other-prompt-id>]');
  process.exit(2);
}
const scoreAs = flag === '--against' && other ? other : prompt;
const bin = fileURLToPath(new URL('../bin/mlsd.cjs', import.meta.url));
const report = JSON.parse(
  execFileSync(process.execPath, [bin, 'score', '-p', scoreAs, file, '--json'], {
    encoding: 'utf8',
    env: { ...process.env, MLSD_NO_CACHE: '1' },
  }),
);
const items = report.stages.flatMap((s) => s.items);
const domain = items.filter((i) => i.rubric === scoreAs);
const total = domain.reduce((n, i) => n + i.weight, 0);
const share = total ? domain.reduce((n, i) => n + i.weight * i.credit, 0) / total : 0;
console.log(`${file} scored as ${scoreAs}: overall ${report.overall} (${report.verdict}), domain share ${share.toFixed(2)}`);
for (const i of items.filter((i) => i.credit < 1)) {
  console.log(`  ${i.status.padEnd(8)} ${i.stage.padEnd(10)} ${i.rubric}/${i.id} (weight ${i.weight}, credit ${i.credit})`);
}
for (const f of report.redFlags) console.log(`  FLAG ${f.severity} ${f.id}${f.stage ? ` in ${f.stage}` : ''}`);
