import type { Comparison } from '../progress/compare.js';
import { plural } from '../text/plural.js';

/**
 * `review --compare A B` as Markdown (`--format md`, or an `--out` file ending in .md): a heading naming
 * both sessions, a table of the overall and stage scores before and after with the change, then the
 * checklist items gained and lost. Data in, text out (ending in a newline).
 */
export function renderComparisonMarkdown(c: Comparison, labels: { before: string; after: string }): string {
  const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
  const out = [`# Compare ${labels.before} → ${labels.after}`, ''];
  if (!c.samePrompt) {
    out.push(`_These sessions answer different prompts: scores are not like for like, and gained and lost list only the items both were scored on${c.notCompared > 0 ? ` (${plural(c.notCompared, 'prompt-specific item')} ${c.notCompared === 1 ? 'is' : 'are'} left out)` : ''}._`, '');
  }
  out.push('| | before | after | change |', '|---|---:|---:|---:|');
  out.push(`| **Overall** | ${c.overall.before} | ${c.overall.after} | ${signed(c.overall.delta)} |`);
  for (const s of c.stages) out.push(`| ${s.title} | ${s.before} | ${s.after} | ${signed(s.delta)} |`);
  out.push('', `## Gained (${c.gained.length})`, '', ...(c.gained.length ? c.gained.map((g) => `- ${g.label} (${g.stage})`) : ['_Nothing new._']));
  out.push('', `## Lost (${c.lost.length})`, '', ...(c.lost.length ? c.lost.map((l) => `- ${l.label} (${l.stage})`) : ['_Nothing lost._']));
  return `${out.join('\n')}\n`;
}
