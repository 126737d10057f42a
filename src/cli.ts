import { Argument, Command, CommanderError, Option } from 'commander';
import { CliError, EXIT } from './errors.js';
import { packageInfo } from './package-root.js';
import { MAX_LIMIT, minutes, nonBlankId, nonBlankIds, reviewArgumentProblem, wholeNumber } from './option-parsers.js';
import type { DrillOptions } from './commands/drill.js';
import type { InterviewOptions } from './commands/interview.js';
import type { GlobalOptions, Io } from './commands/command-io.js';
import type { NewOptions } from './commands/new.js';
import type { PracticeOptions, ResumeOptions } from './commands/practice.js';
import type { ReviewOptions } from './commands/review.js';
import type { ScoreOptions } from './commands/score.js';
import { CANDIDATE_LEVELS } from './scoring/report.js';
import { readCommandPath } from './command-path.js';
import { closest } from './text/closest.js';
import { describeCode } from './files/read.js';
import { colorLevel, loadChalk } from './ui/style.js';
import { fitHelpText, narrowHelp } from './ui/help-layout.js';
import { wrapMessage } from './ui/wrap.js';

/** The commander program: commands and options, nothing else. Command modules load on demand. */

const pkg = packageInfo();

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function buildProgram(io: Io, readStdin: () => Promise<string>): { program: Command; result: { code: number } } {
  const result = { code: EXIT.ok as number };
  const run = (fn: () => Promise<number>) => async () => {
    result.code = await fn();
  };
  /** The command's options merged with the program's; their types hold because every option is parsed and checked where it is declared. */
  const globals = <T extends GlobalOptions = GlobalOptions>(command: Command) => command.optsWithGlobals<T>();
  // Help follows the terminal's width (none in a pipe: commander then lays out for 80 and our texts stay as written).
  const outWidth = () => (io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : undefined);
  const errWidth = () => (io.stderr.isTTY && io.stderr.columns ? io.stderr.columns : undefined);
  const after = (text: string) => (context: { error: boolean }) => fitHelpText(text, context.error ? errWidth() : outWidth());
  // Commander's usage errors ("unknown command 'x' for 'mlsd prompts' (its commands: …)") wrap at spaces on a
  // terminal, as mlsd's own errors do; in a pipe each stays one line for grep.
  const outputError = (message: string, write: (s: string) => void) => {
    const width = errWidth();
    write(width ? `${wrapMessage(message.replace(/\n$/, ''), width)}\n` : message);
  };

  const program = new Command('mlsd')
    .description('A terminal coach for machine-learning system design interviews.')
    .version(pkg.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--prompts-dir <dir>', 'also read prompts from this directory (repeatable)', collect)
    .option('--rubrics-dir <dir>', 'also read rubrics from this directory (repeatable)', collect)
    .option('--no-color', 'plain output without colours (NO_COLOR=1 does the same)')
    .showHelpAfterError('(run with --help for usage)')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .addHelpText('after', after(`
Examples:
  mlsd practice ad-click-prediction --duration 60 --level staff
  mlsd interview news-feed --candidate "Sam"     (you ask the questions, mlsd keeps the sheet)
  mlsd prompts list
  mlsd score my-answer.md --prompt ad-click-prediction
  mlsd score my-answer.yaml --prompt video-recommendation --level staff --json
  mlsd schema rubric > rubric.schema.json

User content lives in $XDG_CONFIG_HOME/mlsd/{prompts,rubrics} (MLSD_HOME overrides;
a relative MLSD_HOME is taken from the current directory, a leading ~ is your home; a relative XDG_*_HOME is
ignored, as the XDG spec says); MLSD_PROMPTS_PATH lists prompt packs. Exit codes: 0 ok, 1 check failed, 2 usage or input error,
130 interrupted (Ctrl-C).`));

  program
    .command('score')
    .description('score a written answer against the checklists of a prompt')
    .argument('<answers-file>', 'the answer: .yaml (stage-id: text), .md with a heading per stage, or plain text; - reads stdin')
    .option('-p, --prompt <id>', 'the prompt the answer is for (required; see `mlsd prompts list`)', nonBlankId('prompt id'))
    // Checked after commander's own checks, so `score --bogus` reports the unknown option first.
    .hook('preAction', (command) => requireOption(command, 'prompt'))
    .addOption(new Option('-l, --level <level>', 'the level you are interviewing for').choices(CANDIDATE_LEVELS).default('senior'))
    .addOption(new Option('-f, --format <format>', 'how to read the answer (default: from the extension; for stdin, YAML when it parses as stages, else Markdown; text with no headings is scored as a whole)').choices(['yaml', 'md', 'text']))
    .option('--json', 'print the report as JSON (stable shape, see README)')
    .option('--save', 'save the scored answer in your history')
    .addHelpText('after', after(`
Stages: clarify, frame, data, model, evaluation, serving, monitoring. Markdown headings are matched by
id, title or a common name ("Metrics" is evaluation, "Feature engineering" is data). An answer with no
such headings is scored as a whole.`))
    .action((file: string, _opts: unknown, command: Command) =>
      run(async () => (await import('./commands/score.js')).scoreCommand(file, globals<ScoreOptions>(command), io, readStdin))(),
    );

  program
    .command('practice')
    .description('a timed mock interview in the terminal, stage by stage, scored at the end')
    .argument('[prompt-id]', 'the prompt to practise (default: a random one you have not practised lately)', nonBlankId('prompt id'))
    .hook('preAction', (command) => promptOrTag(command))
    .option('-d, --duration <minutes>', 'length of the interview in minutes (1-180)', minutes, 45)
    .addOption(new Option('-l, --level <level>', 'the level you are interviewing for').choices(CANDIDATE_LEVELS).default('senior'))
    .option('-t, --tag <tag>', 'pick a random prompt with this tag', nonBlankId('tag'))
    .option('-e, --editor', 'answer each stage in $VISUAL / $EDITOR instead of inline')
    .addHelpText('after', after(`
The answer box: a small editor with a live clock; long answers scroll in it.
  Enter             new line; on an empty last line (Enter twice) it submits
  Ctrl-D            submit
  paste             kept as it is, blank lines too; a paste never submits
  arrows            move; Up and Down walk wrapped lines row by row
  Home End          start and end of the line (also Ctrl-A, Ctrl-E)
  PgUp PgDn         a screen up or down; Ctrl-Home, Ctrl-End: whole answer
  Backspace Delete  delete; at a line's start or end they join lines
  Ctrl-W Ctrl-U     delete the word before; delete to the line's start
  Ctrl-K            delete to the line's end
  Ctrl-Left/Right   a word left or right (also Alt-B, Alt-F)
  Ctrl-C            asks whether to quit; the clock runs while it asks
In clarify, Enter asks the line (pasted lines ask one question each) and
Enter on an empty line moves on. Warnings (a stage over budget, 5 and 1
minutes left) appear in the box when they happen.

What you type is saved within a quarter of a second. Quitting, closing the terminal
(SIGHUP) or SIGTERM keep the session as interrupted; \`mlsd resume\` goes on
with the time that was left. A session with nothing typed is not kept.
With --editor, a graphical editor needs its wait flag: VISUAL="code --wait".`))
    .action((promptId: string | undefined, _opts: unknown, command: Command) =>
      run(async () => (await import('./commands/practice.js')).practiceCommand(promptId, globals<PracticeOptions>(command), io))(),
    );

  program
    .command('interview')
    .description("the interviewer's live sheet for a peer mock interview: briefing, marks, follow-ups, facts, report")
    .argument('[prompt-id]', 'the prompt to ask (default: a random one not used lately)', nonBlankId('prompt id'))
    .hook('preAction', (command) => promptOrTag(command))
    .option('-d, --duration <minutes>', 'length of the interview in minutes (1-180)', minutes, 45)
    .addOption(new Option('-l, --level <level>', 'the level the candidate is interviewing for').choices(CANDIDATE_LEVELS).default('senior'))
    .option('-t, --tag <tag>', 'pick a random prompt with this tag', nonBlankId('tag'))
    .option('-c, --candidate <name>', 'who is being interviewed (shown in history and the report); "me" when a friend interviews you: only then does it count in your stats and drill')
    .option('-a, --answers <file>', "the candidate's own notes or transcript, read at the end and scored beside your marks")
    .addHelpText('after', after(`
For the person asking the questions. The briefing comes first: the prompt to read out, what a strong
answer covers, and the facts to give only when asked. Enter starts the clock.

Keys on the sheet:
  up/down (j/k)   move between checklist items and red flags
  c  covered      p  covered after prompting      w  wrong (on a red flag: heard it)
  space or u      take the mark off (pressing the same mark again does too)
  n  a note on this stage          f  find the fact to read out for their question
  right/left or 1-7   change stage (candidates wander; time counts where the sheet is)
  b  briefing again                e  end the interview and show the report
  Ctrl-C  pause (everything is saved); q or Ctrl-C again quits, \`mlsd resume\` continues

The report is the same as \`mlsd score\`, built from your marks; \`mlsd review <id> --format md\`
exports it for the candidate.`))
    .action((promptId: string | undefined, _opts: unknown, command: Command) =>
      run(async () => (await import('./commands/interview.js')).interviewCommand(promptId, globals<InterviewOptions>(command), io))(),
    );

  program
    .command('resume')
    .description('continue an interrupted practice session or peer interview')
    .argument('[session-id]', 'the session id or a unique prefix (default: the latest interrupted one)', nonBlankId('session id'))
    .option('-e, --editor', 'answer in $VISUAL / $EDITOR instead of inline')
    .action((id: string | undefined, _opts: unknown, command: Command) =>
      run(async () => (await import('./commands/resume.js')).resumeAny(id, globals<ResumeOptions>(command), io))(),
    );

  const prompts = program.command('prompts').description('list, show, create and validate interview prompts');
  groupWithoutDefault(prompts);
  prompts
    .command('list')
    .description('list the prompts you can practise')
    .option('-t, --tag <tag>', 'only prompts with this tag', nonBlankId('tag'))
    .option('--json', 'print as JSON')
    .action((_opts: unknown, command: Command) => run(async () => (await import('./commands/content.js')).listPrompts(globals(command), io))());
  prompts
    .command('show')
    .description('show one prompt')
    .argument('<id>', 'prompt id', nonBlankId('prompt id'))
    .option('--full', "include the interviewer's answers and the reference outline")
    .option('--json', 'print as JSON')
    .action((id: string, _opts: unknown, command: Command) => run(async () => (await import('./commands/content.js')).showPrompt(id, globals(command), io))());
  prompts
    .command('new')
    .description('create a prompt interactively: a commented YAML file that validates')
    .option('-o, --out <file>', 'where to write it (default: your prompt directory)')
    .option('-f, --force', 'overwrite an existing file without asking')
    .action((_opts: unknown, command: Command) => run(async () => (await import('./commands/new.js')).newCommand('prompt', globals<NewOptions>(command), io))());
  prompts
    .command('validate')
    .description('check prompt files: every error with file:line:col, exit 1 on any error')
    .argument('[paths...]', 'files or directories (default: every prompt and rubric on the search paths)')
    .option('--json', 'print the result as JSON')
    .action((paths: string[], _opts: unknown, command: Command) =>
      run(async () => (await import('./commands/validate.js')).validateCommand('prompt', paths, globals(command), io))(),
    );

  const rubrics = program.command('rubrics').description('list, show, create and validate scoring rubrics');
  groupWithoutDefault(rubrics);
  rubrics
    .command('list')
    .description('list the rubrics and the prompts that use them')
    .option('--json', 'print as JSON')
    .action((_opts: unknown, command: Command) => run(async () => (await import('./commands/content.js')).listRubrics(globals(command), io))());
  rubrics
    .command('show')
    .description('show one rubric: its items by stage and its red flags')
    .argument('<id>', 'rubric id', nonBlankId('rubric id'))
    .option('--full', 'include phrases and follow-up questions')
    .option('--json', 'print as JSON')
    .action((id: string, _opts: unknown, command: Command) => run(async () => (await import('./commands/content.js')).showRubric(id, globals(command), io))());
  rubrics
    .command('new')
    .description('create a rubric interactively: a commented YAML file that validates')
    .option('-o, --out <file>', 'where to write it (default: your rubric directory)')
    .option('-f, --force', 'overwrite an existing file without asking')
    .action((_opts: unknown, command: Command) => run(async () => (await import('./commands/new.js')).newCommand('rubric', globals<NewOptions>(command), io))());
  rubrics
    .command('validate')
    .description('check rubric files: every error with file:line:col, exit 1 on any error')
    .argument('[paths...]', 'files or directories (default: every prompt and rubric on the search paths)')
    .option('--json', 'print the result as JSON')
    .action((paths: string[], _opts: unknown, command: Command) =>
      run(async () => (await import('./commands/validate.js')).validateCommand('rubric', paths, globals(command), io))(),
    );

  const history = program
    .command('history')
    .description('your saved sessions, newest first, with a trend of overall scores')
    .option('-p, --prompt <id>', 'only sessions of this prompt', nonBlankId('prompt id'))
    .option('-n, --limit <n>', 'show the latest N sessions (default 20)', wholeNumber(1, MAX_LIMIT))
    .option('-a, --all', 'show every session')
    .option('--json', 'print as JSON')
    .action((_opts: unknown, command: Command) => run(async () => (await import('./commands/history.js')).historyCommand(globals(command), io))());
  history
    .command('delete')
    .description('delete a saved session (asks first; --yes for scripts)')
    .argument('<session-id>', 'a session id or a unique prefix of one', nonBlankId('session id'))
    .option('-y, --yes', 'delete without asking')
    .action((id: string, _opts: unknown, command: Command) => run(async () => (await import('./commands/history.js')).deleteCommand(id, globals(command), io))());

  program
    .command('review')
    .description('the full feedback of one session: answers, scores, evidence, hints and the reference outline')
    .argument('[session-id]', 'a session id, a unique prefix of one, or "last" (default: your last scored session)', nonBlankId('session id'))
    .addOption(new Option('-f, --format <format>', "output format (default: from --out's extension, .md or .json, else text)").choices(['text', 'md', 'json']))
    .option('-o, --out <file>', 'write to a file instead of the terminal (never with colour); an existing file needs --force')
    .option('--force', 'with --out: replace the file if it exists')
    .option('-c, --compare <ids...>', 'two sessions side by side: score deltas per stage, items gained and lost', nonBlankIds('session id'))
    .hook('preAction', (command) => {
      const problem = reviewArgumentProblem(command.args[0], command.opts<{ compare?: string[]; force?: boolean; out?: string }>());
      if (problem) command.error(`error: ${problem}`, { code: 'mlsd.invalidArguments', exitCode: EXIT.usage });
    })
    .addHelpText('after', after(`
Without a session id, or with "last", review shows your last scored session: a finished practice, a
\`score --save\`, or a peer interview in which you were the candidate (\`--candidate me\`). A peer
interview you ran for someone else is theirs, as history and stats count it, and an interrupted or
unfinished session: each is reviewed by its id (\`mlsd history\` lists every session with its status;
\`mlsd resume\` continues one).`))
    .action((id: string | undefined, _opts: unknown, command: Command) =>
      run(async () => (await import('./commands/review.js')).reviewCommand(id, globals<ReviewOptions>(command), io))(),
    );

  program
    .command('stats')
    .description('averages per stage, the items you miss (or needed prompting on) most, with hints from the current rubrics, and stages that run over budget; peer interviews you ran are left out')
    .option('--json', 'print as JSON')
    .action((_opts: unknown, command: Command) => run(async () => (await import('./commands/stats.js')).statsCommand(globals(command), io))());

  program
    .command('drill')
    .description('spaced repetition (FSRS) over the checklist items you miss (peer interviews you ran are left out)')
    .option('-a, --all', 'practise even when no card is due')
    .option('-n, --limit <n>', 'cards in this drill (1-1000)', wholeNumber(1, 1000), 5)
    .action((_opts: unknown, command: Command) => run(async () => (await import('./commands/drill.js')).drillCommand(globals<DrillOptions>(command), io))());

  program
    .command('schema')
    .description('print the JSON Schema of a prompt or rubric file, for editor completion and checks')
    .addArgument(new Argument('<kind>', 'which schema').choices(['prompt', 'rubric']))
    .addHelpText('after', after('\nContent files start with "# yaml-language-server: $schema=../schemas/<kind>.schema.json" so editors use it.'))
    .action((kind: 'prompt' | 'rubric') => run(async () => (await import('./commands/schema.js')).schemaCommand(kind, io))());

  for (const command of [program, ...program.commands, ...program.commands.flatMap((c) => c.commands)]) {
    // Every command with subcommands lists `help [command]`, as the program does (command-path.ts answers it).
    if (command !== program && command.commands.length > 0) command.helpCommand(true);
    command
      .exitOverride()
      .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s), outputError, getOutHelpWidth: () => outWidth() ?? 80, getErrHelpWidth: () => errWidth() ?? 80 })
      .configureHelp(narrowHelp);
  }
  return { program, result };
}

/**
 * A command group (`prompts`, `rubrics`): alone it shows its help on stdout (exit 0); followed by a word that
 * is none of its subcommands it fails as commander does for the program: "unknown command 'frob'", with a
 * suggestion, exit 2.
 */
function groupWithoutDefault(group: Command): void {
  group.usage('[options] [command]').argument('[command]').action((name: string | undefined) => {
    if (name === undefined) {
      group.outputHelp();
      return;
    }
    unknownCommand(group, name);
  });
}

/** Fails as commander does for `mlsd <unknown>`, for a subcommand of `command`: "unknown command 'frob'", a suggestion, exit 2. */
function unknownCommand(command: Command, name: string): never {
  const names = command.commands.map((c) => c.name());
  const near = closest(name, names);
  const where = `'${commandName(command)}' (its commands: ${[...names, 'help'].join(', ')})`;
  return command.error(`error: unknown command '${name}' for ${where}${near ? `\n(Did you mean ${near}?)` : ''}`, { code: 'commander.unknownCommand', exitCode: EXIT.usage });
}

/** A prompt id and --tag together: the tag would be ignored, so it is refused (exit 2) rather than dropped silently. */
function promptOrTag(command: Command): void {
  if (command.args[0] !== undefined && command.getOptionValue('tag') !== undefined) {
    command.error(`error: give a prompt id or --tag, not both (--tag picks a random prompt with that tag)`, { code: 'mlsd.invalidArguments', exitCode: EXIT.usage });
  }
}

/** Fails as commander does for a missing mandatory option, naming the option's flags. */
function requireOption(command: Command, key: string): void {
  if (command.getOptionValue(key) !== undefined) return;
  const option = command.options.find((o) => o.attributeName() === key);
  command.error(`error: required option '${option?.flags ?? `--${key}`}' not specified`, { code: 'commander.missingMandatoryOptionValue', exitCode: EXIT.usage });
}

/** A command's name as typed: "mlsd prompts list". */
function commandName(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** Runs the CLI and returns the exit code; errors become one clear line on stderr. */
export async function main(argv: string[], io: Io, readStdin: () => Promise<string> = readAll): Promise<number> {
  const { program, result } = buildProgram(io, readStdin);
  // `help` anywhere in a command path, and unknown subcommands (command-path.ts).
  const path = readCommandPath(program, argv);
  const words = path.kind === 'parse' ? path.argv : argv;
  // chalk is loaded only when some output may be coloured (--no-color is not parsed yet: then it loads for nothing),
  // and never for help or the version, which are plain and must start fast.
  const plainOnly = words.length === 0 || path.kind !== 'parse' || words.some((a) => a === '-h' || a === '--help' || a === '-V' || a === '--version' || a === '--no-color');
  if (!plainOnly && (colorLevel(io.stdout, io.env) > 0 || colorLevel(io.stderr, io.env) > 0)) await loadChalk();
  if (words.length === 0) {
    program.outputHelp();
    return EXIT.ok;
  }
  try {
    if (path.kind === 'unknown') unknownCommand(path.command, path.name);
    if (path.kind === 'no-subcommands') {
      path.command.error(`error: unknown command '${path.name}' ('${commandName(path.command)}' has no subcommands)`, { code: 'commander.unknownCommand', exitCode: EXIT.usage });
    }
    await program.parseAsync(words, { from: 'user' });
    return result.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    if (error instanceof Error && error.name === 'ExitPromptError') return EXIT.interrupted;
    if (error instanceof CliError) {
      // On a terminal a long message (a list of tags) is wrapped at spaces, never mid-word; in a pipe it stays one line for grep.
      const width = io.stderr.isTTY ? (io.stderr.columns ?? 80) : 0;
      const message = width > 0 ? (await import('./ui/wrap.js')).wrapMessage(`mlsd: ${error.message}`, width) : `mlsd: ${error.message}`;
      io.stderr.write(`${message}\n`);
      for (const line of error.details) io.stderr.write(`  ${line}\n`);
      return error.exitCode;
    }
    // A file that cannot be read is bad input (2); one that cannot be written is a failure (1). Never a stack trace.
    if (error instanceof Error && error.name === 'ReadError' && 'file' in error && 'reason' in error) {
      io.stderr.write(`mlsd: ${String(error.file)}: ${String(error.reason)}\n`);
      return EXIT.usage;
    }
    if (error instanceof Error && error.name === 'WriteError') {
      io.stderr.write(`mlsd: ${error.message}\n`);
      return EXIT.failure;
    }
    const code = (error as NodeJS.ErrnoException | null)?.code;
    if (error instanceof Error && code && typeof (error as NodeJS.ErrnoException).syscall === 'string') {
      const { describeCode } = await import('./files/read.js');
      const path = (error as NodeJS.ErrnoException).path;
      io.stderr.write(`mlsd: ${(error as NodeJS.ErrnoException).syscall} ${path ?? ''} failed: ${describeCode(code)}\n`.replace('  ', ' '));
      return EXIT.failure;
    }
    io.stderr.write(`mlsd: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    io.stderr.write('This is a bug in mlsd; please report it with the command you ran.\n');
    return EXIT.failure;
  }
}

/** An answer on stdin, capped like an answers file (`score - < /dev/zero` stops instead of filling memory). */
async function readAll(): Promise<string> {
  const { MAX_ANSWER_BYTES, formatBytes } = await import('./files/read.js');
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    total += (chunk as Buffer).length;
    if (total > MAX_ANSWER_BYTES) throw new CliError(`the answer on standard input is larger than ${formatBytes(MAX_ANSWER_BYTES)}`, EXIT.usage);
    chunks.push(chunk as Buffer);
  }
  const { decodeText } = await import('./text/utf8.js');
  const decoded = decodeText(Buffer.concat(chunks));
  if ('problem' in decoded) throw new CliError(`cannot read the answer on standard input: ${decoded.problem}`, EXIT.usage);
  return decoded.text;
}

export async function run(): Promise<void> {
  // `mlsd ... | head -1`: once the reader has gone, stop quietly, as Unix tools do (a closed pipe is not an error).
  // Any other failure to write the output (`> /dev/full`, a full disk, EIO) is said in one line, exit 1, never
  // as a stack trace; when it is standard error that failed, there is nowhere to say it.
  const outputFailed = (stream: 'stdout' | 'stderr') => (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok);
    if (stream === 'stdout') {
      try {
        process.stderr.write(`mlsd: cannot write the output: ${describeCode(error.code ?? error.message)}\n`);
      } catch {
        // standard error is gone too
      }
    }
    process.exit(EXIT.failure);
  };
  process.stdout.on('error', outputFailed('stdout'));
  process.stderr.on('error', outputFailed('stderr'));
  const { processIo } = await import('./commands/command-io.js');
  process.exitCode = await main(process.argv.slice(2), processIo());
}
