import { describe, expect, it } from 'vitest';
import { buildProgram, main } from '../../../src/cli.js';
import { readCommandPath } from '../../../src/command-path.js';
import type { Io } from '../../../src/commands/command-io.js';

// `mlsd prompts help list` was "too many arguments", `mlsd help prompts list` showed the help of `prompts`,
// and `mlsd help prompts nosuch` showed it too, exit 0. Every command with subcommands is checked here, found
// from the program itself, so a new group is covered without touching this file.

function io(): Io & { out: () => string; err: () => string } {
  let stdout = '';
  let stderr = '';
  return {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    env: { MLSD_HOME: '/nonexistent/mlsd-test-home', MLSD_PROMPTS_PATH: '' },
    now: () => new Date('2026-01-01T00:00:00Z'),
    random: () => 0.5,
    out: () => stdout,
    err: () => stderr,
  };
}

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const seam = io();
  const code = await main(argv, seam, async () => '');
  return { code, stdout: seam.out(), stderr: seam.err() };
}

const { program } = buildProgram(io(), async () => '');
const groups = program.commands.filter((c) => c.commands.length > 0);
const nested = groups.flatMap((g) => g.commands.map((s) => [g.name(), s.name()] as const));

describe('help for nested commands', () => {
  it('finds the groups (prompts, rubrics, history)', () => {
    expect(groups.map((g) => g.name())).toEqual(expect.arrayContaining(['prompts', 'rubrics', 'history']));
  });

  it.each(nested)('%s %s: "G help S", "help G S" and "G S --help" print its help on stdout, exit 0', async (group, sub) => {
    const flag = await run([group, sub, '--help']);
    expect(flag.code).toBe(0);
    expect(flag.stdout).toMatch(new RegExp(`^Usage: mlsd ${group} ${sub} `));
    for (const argv of [[group, 'help', sub], ['help', group, sub], ['--no-color', 'help', group, sub]]) {
      const r = await run(argv);
      expect(r, argv.join(' ')).toEqual({ code: 0, stdout: flag.stdout, stderr: '' });
    }
  });

  it.each(groups.map((g) => g.name()))('%s: "G help", "help G" and "G --help" print the group\'s help, which lists help', async (group) => {
    const flag = await run([group, '--help']);
    expect(flag.code).toBe(0);
    expect(flag.stdout).toMatch(new RegExp(`^Usage: mlsd ${group} `));
    expect(flag.stdout).toMatch(/help \[command\]\s+display help for command/);
    expect(await run([group, 'help'])).toEqual({ code: 0, stdout: flag.stdout, stderr: '' });
    expect(await run(['help', group])).toEqual({ code: 0, stdout: flag.stdout, stderr: '' });
    expect(await run([group, 'help', 'help'])).toEqual({ code: 0, stdout: flag.stdout, stderr: '' });
  });

  it.each(groups.map((g) => g.name()))('%s: an unknown subcommand, however asked for, is a usage error naming it, exit 2', async (group) => {
    for (const argv of [[group, 'nosuch'], ['help', group, 'nosuch'], [group, 'help', 'nosuch']]) {
      const r = await run(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(new RegExp(`^error: unknown command 'nosuch' for 'mlsd ${group}' \\(its commands: .*help\\)\\n\\(run with --help for usage\\)\\n$`));
    }
  });

  it('an unknown top-level command with --help is still a usage error (exit 2), not the main help', async () => {
    const r = await run(['histroy', '--help']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: unknown command 'histroy'/);
  });

  it('suggests the nearest subcommand (history delet, rubrics shwo)', async () => {
    const typo = await run(['history', 'delet', 'abc']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('(Did you mean delete?)');
    expect((await run(['help', 'rubrics', 'shwo'])).stderr).toContain('(Did you mean show?)');
  });

  it('help past a command without subcommands is a usage error; "help help" is the main help', async () => {
    const r = await run(['help', 'score', 'foo']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(/unknown command 'foo' \('mlsd score' has no subcommands\)/);
    const main = await run(['--help']);
    expect(await run(['help', 'help'])).toEqual({ code: 0, stdout: main.stdout, stderr: '' });
  });
});

describe('odd help forms (tryout 6)', () => {
  it('"G S help" of a command that takes no operands is its help; a command with operands reads "help" as one', async () => {
    const flag = await run(['prompts', 'list', '--help']);
    expect(await run(['prompts', 'list', 'help'])).toEqual({ code: 0, stdout: flag.stdout, stderr: '' });
    expect(await run(['stats', 'help'])).toEqual({ code: 0, stdout: (await run(['stats', '--help'])).stdout, stderr: '' });
    // `schema` takes one of two kinds, and `help` is neither: its help, not "invalid argument".
    expect(await run(['schema', 'help'])).toEqual({ code: 0, stdout: (await run(['schema', '--help'])).stdout, stderr: '' });
    expect(readCommandPath(program, ['prompts', 'show', 'help'])).toEqual({ kind: 'parse', argv: ['prompts', 'show', 'help'] });
  });

  it('an unknown option in a help line is a usage error naming it, exit 2; a known one is skipped', async () => {
    for (const argv of [['help', '--nosuch'], ['help', 'prompts', '--nosuch'], ['prompts', 'help', '--nosuch']]) {
      const r = await run(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^error: unknown option '--nosuch'/);
    }
    expect(await run(['help', 'prompts', 'list', '--tag', 'x'])).toEqual({ code: 0, stdout: (await run(['prompts', 'list', '--help'])).stdout, stderr: '' });
  });

  it('words after a help flag still name commands: an unknown one is an error, a known one gets its help', async () => {
    const r = await run(['prompts', '--help', 'nosuch']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: unknown command 'nosuch' for 'mlsd prompts'/);
    expect((await run(['--help', 'nosuch'])).stderr).toMatch(/^error: unknown command 'nosuch'/);
    expect(await run(['--help', 'prompts', 'list'])).toEqual({ code: 0, stdout: (await run(['prompts', 'list', '--help'])).stdout, stderr: '' });
    expect(await run(['prompts', '--help', 'list'])).toEqual({ code: 0, stdout: (await run(['prompts', 'list', '--help'])).stdout, stderr: '' });
  });
});

describe('readCommandPath', () => {
  it('skips global options and their values on the way to help', () => {
    expect(readCommandPath(program, ['--prompts-dir', 'x', 'help', 'rubrics', 'validate'])).toEqual({ kind: 'parse', argv: ['rubrics', 'validate', '--help'] });
    expect(readCommandPath(program, ['history', '-n', '5', 'help', 'delete'])).toEqual({ kind: 'parse', argv: ['history', 'delete', '--help'] });
  });
  it('leaves "help" as an operand of a command without subcommands, and other lines as they are', () => {
    for (const argv of [['prompts', 'show', 'help'], ['score', 'help', '--prompt', 'x'], ['practice', 'help'], ['history', '--prompt', 'help'], ['prompts', 'list', '--help'], ['prompts', 'list', '--help', 'x'], ['nosuch']]) {
      expect(readCommandPath(program, argv)).toEqual({ kind: 'parse', argv });
    }
  });
  it('leaves an unknown top-level command to commander (its own message and suggestion)', () => {
    expect(readCommandPath(program, ['help', 'histroy'])).toEqual({ kind: 'parse', argv: ['histroy'] });
  });
  it('drops help flags after an unknown top-level command, so commander reports the command, not the main help', () => {
    expect(readCommandPath(program, ['typo', '--help'])).toEqual({ kind: 'parse', argv: ['typo'] });
    expect(readCommandPath(program, ['typo', '-h', '--', '--help'])).toEqual({ kind: 'parse', argv: ['typo', '--', '--help'] });
  });
});
