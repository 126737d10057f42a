import type { Command, Option } from 'commander';

/**
 * Which command a command line names, read before commander parses it, for the two things commander does
 * not do for nested commands (`prompts list`, `rubrics show`, `history delete`):
 * - `help` anywhere in a command path: `mlsd help prompts list` and `mlsd prompts help list` are both
 *   `mlsd prompts list --help`. Commander's own help command takes one word (`help prompts list` showed the
 *   help of `prompts`) and a command with an action of its own has none (`prompts help list` was "too many
 *   arguments").
 * - A word that names no subcommand of a command that has subcommands (`mlsd prompts nosuch`, `mlsd history
 *   delet`, `mlsd help prompts nosuch`, `mlsd prompts --help nosuch`) is an unknown command, exit 2, as
 *   `mlsd nosuch` is at the top.
 * - The odd forms around those: `mlsd prompts list help` and `mlsd schema help` (`help` where the command
 *   takes no operand, or one of a few choices that `help` is not) and `mlsd --help prompts list` are that
 *   command's help; an unknown option in a `help` line (`mlsd help --nosuch`) is reported by commander as
 *   the unknown option it is, exit 2.
 * Pure: reads the commander objects only.
 */

/** What to do with a command line. */
export type CommandPath =
  /** Parse these words (the line as given, or rewritten to ask for a command's help). */
  | { kind: 'parse'; argv: string[] }
  /** `name` is no subcommand of `command` (not the program: commander reports that one itself). */
  | { kind: 'unknown'; command: Command; name: string }
  /** `help` named a path past a command that has no subcommands (`help score foo`). */
  | { kind: 'no-subcommands'; command: Command; name: string };

/**
 * Reads the words of `argv` that name commands (from the program down, skipping the options of each and
 * their values) and says how to parse the line. Only words before the first operand of a command without
 * subcommands are read: `mlsd prompts show help` is the prompt named "help" (`show` takes an operand), while
 * `mlsd prompts list help` is the help of `prompts list` (which takes none).
 */
export function readCommandPath(program: Command, argv: readonly string[]): CommandPath {
  const path: string[] = [];
  let command = program;
  // Where a help flag was given (`prompts --help`): the words after it still name commands (`--help prompts list`).
  let helpAt: number | null = null;
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '--') break;
    if (word === '-h' || word === '--help') {
      helpAt ??= path.length;
      continue;
    }
    if (word.startsWith('-')) {
      const option = findOption(command, word);
      if (!option) break; // commander reports it
      if (takesValue(option, word, argv[i + 1])) i++;
      continue;
    }
    if (command.commands.length === 0) {
      // `prompts list help`, `schema help`: a command that takes no operands, or whose first is one of a few
      // choices that `help` is not, reads a `help` after it as a request for its help.
      const first = command.registeredArguments[0];
      if (word === 'help' && (!first || (first.argChoices !== undefined && !first.argChoices.includes('help')))) return { kind: 'parse', argv: argv.map((w, j) => (j === i ? '--help' : w)) };
      break; // an operand of a leaf command
    }
    if (word === 'help') return helpOf(program, command, path, argv.slice(i + 1));
    const next = subcommand(command, word);
    if (!next) return command === program ? { kind: 'parse', argv: withoutHelp(argv) } : { kind: 'unknown', command, name: word };
    path.push(next.name());
    command = next;
  }
  // `--help prompts list`: the help of the command the words name, not of where the flag was.
  if (helpAt !== null && path.length > helpAt) return { kind: 'parse', argv: [...withoutHelp(argv), '--help'] };
  return { kind: 'parse', argv: [...argv] };
}

/** `help w1 w2 …` said at `command` (reached by `path`): the help of the command the words name. */
function helpOf(program: Command, command: Command, path: string[], words: readonly string[]): CommandPath {
  let target = command;
  const targetPath = [...path];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === '--') break;
    if (word.startsWith('-')) {
      if (word === '-h' || word === '--help') continue;
      const option = findOption(target, word);
      // `help --nosuch`: commander reports the unknown option of the command named so far (exit 2), as for `mlsd --nosuch`.
      if (!option) return { kind: 'parse', argv: [...targetPath, word] };
      if (takesValue(option, word, words[i + 1])) i++;
      continue;
    }
    if (word === 'help') continue; // `help help`: the help of where it was said
    if (target.commands.length === 0) return { kind: 'no-subcommands', command: target, name: word };
    const next = subcommand(target, word);
    if (!next) return target === program ? { kind: 'parse', argv: [word] } : { kind: 'unknown', command: target, name: word };
    targetPath.push(next.name());
    target = next;
  }
  return { kind: 'parse', argv: [...targetPath, '--help'] };
}

/**
 * The line without its help flags (before any `--`): `mlsd typo --help` is reported by commander as the
 * unknown command it is (exit 2), not answered with the program's help (exit 0) as if `typo` were known.
 */
function withoutHelp(argv: readonly string[]): string[] {
  const end = argv.indexOf('--');
  const head = (end === -1 ? argv : argv.slice(0, end)).filter((w) => w !== '--help' && w !== '-h');
  return end === -1 ? head : [...head, ...argv.slice(end)];
}

function subcommand(command: Command, word: string): Command | undefined {
  return command.commands.find((c) => c.name() === word || c.aliases().includes(word));
}

/** An option of `command` or of a command above it (`--prompts-dir` anywhere), by its flag (`--out=x` too). */
function findOption(command: Command, word: string): Option | undefined {
  const flag = word.startsWith('--') ? word.split('=')[0]! : word.slice(0, 2);
  for (let c: Command | null = command; c; c = c.parent) {
    const option = c.options.find((o) => o.long === flag || o.short === flag);
    if (option) return option;
  }
  return undefined;
}

/** Whether an option word is followed by its value as the next word (`--out x`, not `--out=x` or `-ox`). */
function takesValue(option: Option, word: string, next: string | undefined): boolean {
  const attached = word.startsWith('--') ? word.includes('=') : word.length > 2;
  if (attached) return false;
  if (option.required) return true;
  return option.optional && next !== undefined && !next.startsWith('-');
}
