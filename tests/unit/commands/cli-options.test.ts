import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli.js';
import type { Io } from '../../../src/commands/command-io.js';

/** Runs the CLI in-process through its Io seam; nothing here reaches a command's code unless options pass. */
async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    env: { MLSD_HOME: '/nonexistent/mlsd-test-home', MLSD_PROMPTS_PATH: '' },
    now: () => new Date('2026-01-01T00:00:00Z'),
    random: () => 0.5,
  };
  const code = await main(argv, io, async () => '');
  return { code, stdout, stderr };
}

describe('options are checked where they are declared', () => {
  it.each([
    [['practice', '--duration', 'abc'], /option '-d, --duration <minutes>' argument 'abc' is invalid\. Expected minutes from 1 to 180/],
    [['practice', '--duration', '0'], /argument '0' is invalid/],
    [['practice', '--duration', '500'], /argument '500' is invalid/],
    [['drill', '--limit', 'abc'], /option '-n, --limit <n>' argument 'abc' is invalid\. Expected a whole number from 1 to 1000/],
    [['drill', '-n', '-3'], /argument '-3' is invalid/],
    [['drill', '-n', '2.5'], /argument '2\.5' is invalid/],
    [['score', 'x.md', '--prompt', 'p', '--level', 'principal'], /argument 'principal' is invalid\. Allowed choices are mid, senior, staff/],
  ])('%j exits 2 naming the option, before anything runs', async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    // Nothing command-specific ran: no "needs a terminal", no content loading.
    expect(r.stderr).not.toMatch(/terminal|cannot read/);
    expect(r.stdout).toBe('');
  });

  it('reports an unknown option before a missing required one', async () => {
    const bogus = await run(['score', 'x.md', '--bogus']);
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toContain("error: unknown option '--bogus'");
    const missing = await run(['score', 'x.md']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("error: required option '-p, --prompt <id>' not specified");
  });

  it('says "unknown command" for a word that is no subcommand of a group, with a suggestion', async () => {
    const frob = await run(['prompts', 'frob']);
    expect(frob.code).toBe(2);
    expect(frob.stderr).toContain("error: unknown command 'frob'");
    const typo = await run(['rubrics', 'shwo']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('Did you mean show?');
  });

  it('shows a group its help on stdout when it is given no subcommand', async () => {
    const r = await run(['prompts']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: mlsd prompts [options] [command]');
    expect(r.stdout).toMatch(/list \[options\]\s+list the prompts/);
  });
});
