import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The README's sample outputs are the real CLI's. A sample is a fenced block right after a marker
 *   <!-- sample: score tests/fixtures/e2e/answer.md --prompt ad-click-prediction | lines 1-20, 30-40 -->
 * holding "$ mlsd <args>" and the chosen lines of the output (a "…" line where lines are left out).
 * This test fails when a sample no longer matches; `npm run readme` (UPDATE_README=1) rewrites them.
 */

const root = new URL('../..', import.meta.url).pathname;
const bin = join(root, 'bin', 'mlsd.cjs');
const readmeFile = join(root, 'README.md');
const MARKER = /<!-- sample: (.+?)(?: \| lines ([\d\s,-]+))? -->\n```text\n(?:[^`][^\n]*\n|\n)*```/g;

/** Lines `from-to` (1-based, inclusive) of `lines`, with "…" between ranges that are not adjacent and after a cut tail. */
function pick(lines: string[], ranges: string | undefined): string[] {
  if (!ranges) return lines;
  const out: string[] = [];
  let last = 0;
  for (const part of ranges.split(',')) {
    const [from, to] = part.trim().split('-').map(Number) as [number, number | undefined];
    if (from > last + 1 && out.length > 0) out.push('…');
    out.push(...lines.slice(from - 1, to ?? from));
    last = to ?? from;
  }
  if (last < lines.length) out.push('…');
  return out;
}

function render(args: string, ranges: string | undefined, home: string): string {
  const argv = args.split(' ');
  const r = spawnSync(process.execPath, [bin, ...argv], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, MLSD_HOME: home, MLSD_PROMPTS_PATH: '', NO_COLOR: '1', FORCE_COLOR: '0', COLUMNS: '80' },
  });
  const shown = argv.map((a) => (a.startsWith('tests/fixtures/e2e/') ? a.slice('tests/fixtures/e2e/'.length) : a)).join(' ');
  const lines = r.stdout.replace(/\n$/, '').split('\n');
  return `<!-- sample: ${args}${ranges ? ` | lines ${ranges.trim()}` : ''} -->\n\`\`\`text\n$ mlsd ${shown}\n${pick(lines, ranges).join('\n')}\n\`\`\``;
}

describe('README samples', () => {
  it('match what the CLI prints', () => {
    const readme = readFileSync(readmeFile, 'utf8');
    const home = mkdtempSync(join(tmpdir(), 'mlsd-readme-'));
    try {
      const samples = [...readme.matchAll(MARKER)];
      expect(samples.length).toBeGreaterThan(0);
      const generated = readme.replace(MARKER, (_whole, args: string, ranges: string | undefined) => render(args, ranges, home));
      if (process.env.UPDATE_README === '1') writeFileSync(readmeFile, generated);
      else expect(generated, 'README samples are stale: run `npm run readme`').toBe(readme);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
