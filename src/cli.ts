import { Argument, Command, CommanderError, Option } from 'commander';
import { CliError, EXIT } from './errors.js';
import { packageInfo } from './package-root.js';
import type { GlobalOptions, Io } from './commands/io.js';
import { CANDIDATE_LEVELS } from './scoring/report.js';
import { colorLevel, loadChalk } from './ui/style.js';

/** The commander program: commands and options, nothing else. Command modules load on demand. */

const pkg = packageInfo();

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function buildProgram(io: Io, readStdin: () => Promise<string>): { program: Command; result: { code: number } } {
  const result = { code: EXIT.ok as number };
  const run = (fn: () => Promise<number>) => async () => {
    result.code = await fn();
  };
  const globals = (command: Command) => command.optsWithGlobals<GlobalOptions>();

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
    .addHelpText(
      'after',
      `
Examples:
  mlsd practice ad-click-prediction --duration 60 --level staff
  mlsd prompts list
  mlsd score my-answer.md --prompt ad-click-prediction
  mlsd score my-answer.yaml --prompt video-recommendation --level staff --json
  mlsd schema rubric > rubric.schema.json

User content lives in $XDG_CONFIG_HOME/mlsd/{prompts,rubrics} (MLSD_HOME overrides);
MLSD_PROMPTS_PATH lists prompt packs. Exit codes: 0 ok, 1 check failed, 2 usage or input error.`,
    );

  program
    .command('score')
    .description('score a written answer against the checklists of a prompt')
    .argument('<answers-file>', 'the answer: .yaml (stage-id: text), .md with a heading per stage, or plain text; - reads stdin')
    .requiredOption('-p, --prompt <id>', 'the prompt the answer is for (see `mlsd prompts list`)')
    .addOption(new Option('-l, --level <level>', 'the level you are interviewing for').choices(CANDIDATE_LEVELS).default('senior'))
    .option('--json', 'print the report as JSON (stable shape, see README)')
    .option('--save', 'save the scored answer in your history')
    .addHelpText(
      'after',
      `
Stages: clarify, frame, data, model, evaluation, serving, monitoring. Markdown headings are matched by
id, title or a common name ("Metrics" is evaluation, "Feature engineering" is data). An answer with no
such headings is scored as a whole.`,
    )
    .action((file: string, _opts: unknown, command: Command) =>
      run(async () => (await import('./commands/score.js')).scoreCommand(file, globals(command) as never, io, readStdin))(),
    );

  program
    .command('practice')
    .description('a timed mock interview in the terminal, stage by stage, scored at the end')
    .argument('[prompt-id]', 'the prompt to practise (default: a random one you have not practised lately)')
    .option('-d, --duration <minutes>', 'length of the interview in minutes', (v) => Number(v), 45)
    .addOption(new Option('-l, --level <level>', 'the level you are interviewing for').choices(CANDIDATE_LEVELS).default('senior'))
    .option('-t, --tag <tag>', 'pick a random prompt with this tag')
    .option('-e, --editor', 'answer each stage in $VISUAL / $EDITOR instead of inline')
    .addHelpText(
      'after',
      `
Keys: Enter starts a new line; Enter on an empty line submits the answer. Ctrl-C pauses: the session is
saved and \`mlsd resume\` continues it with the time that was left. Every answer is saved as you go.`,
    )
    .action((promptId: string | undefined, _opts: unknown, command: Command) =>
      run(async () => (await import('./commands/practice.js')).practiceCommand(promptId, globals(command) as never, io))(),
    );

  program
    .command('resume')
    .description('continue an interrupted practice session')
    .argument('[session-id]', 'the session id or a unique prefix (default: the latest interrupted one)')
    .option('-e, --editor', 'answer in $VISUAL / $EDITOR instead of inline')
    .action((id: string | undefined, _opts: unknown, command: Command) =>
      run(async () => (await import('./commands/practice.js')).resumeCommand(id, globals(command) as never, io))(),
    );

  const prompts = program.command('prompts').description('list, show, create and validate interview prompts');
  prompts.action(() => prompts.outputHelp());
  prompts
    .command('list')
    .description('list the prompts you can practise')
    .option('-t, --tag <tag>', 'only prompts with this tag')
    .option('--json', 'print as JSON')
    .action((_opts: unknown, command: Command) => run(async () => (await import('./commands/content.js')).listPrompts(globals(command), io))());
  prompts
    .command('show')
    .description('show one prompt')
    .argument('<id>', 'prompt id')
    .option('--full', "include the interviewer's answers and the reference outline")
    .option('--json', 'print as JSON')
    .action((id: string, _opts: unknown, command: Command) => run(async () => (await import('./commands/content.js')).showPrompt(id, globals(command), io))());
  prompts
    .command('new')
    .description('create a prompt interactively: a commented YAML file that validates')
    .option('-o, --out <file>', 'where to write it (default: your prompt directory)')
    .option('-f, --force', 'overwrite an existing file without asking')
    .action((_opts: unknown, command: Command) => run(async () => (await import('./commands/new.js')).newCommand('prompt', globals(command) as never, io))());
  prompts
    .command('validate')
    .description('check prompt files: every error with file:line:col, exit 1 on any error')
    .argument('[paths...]', 'files or directories (default: every prompt and rubric on the search paths)')
    .option('--json', 'print the result as JSON')
    .action((paths: string[], _opts: unknown, command: Command) =>
      run(async () => (await import('./commands/validate.js')).validateCommand('prompt', paths, globals(command), io))(),
    );

  const rubrics = program.command('rubrics').description('list, show, create and validate scoring rubrics');
  rubrics.action(() => rubrics.outputHelp());
  rubrics
    .command('list')
    .description('list the rubrics and the prompts that use them')
    .option('--json', 'print as JSON')
    .action((_opts: unknown, command: Command) => run(async () => (await import('./commands/content.js')).listRubrics(globals(command), io))());
  rubrics
    .command('show')
    .description('show one rubric: its items by stage and its red flags')
    .argument('<id>', 'rubric id')
    .option('--full', 'include phrases and follow-up questions')
    .option('--json', 'print as JSON')
    .action((id: string, _opts: unknown, command: Command) => run(async () => (await import('./commands/content.js')).showRubric(id, globals(command), io))());
  rubrics
    .command('new')
    .description('create a rubric interactively: a commented YAML file that validates')
    .option('-o, --out <file>', 'where to write it (default: your rubric directory)')
    .option('-f, --force', 'overwrite an existing file without asking')
    .action((_opts: unknown, command: Command) => run(async () => (await import('./commands/new.js')).newCommand('rubric', globals(command) as never, io))());
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
    .option('-p, --prompt <id>', 'only sessions of this prompt')
    .option('-n, --limit <n>', 'show the latest N sessions (default 20)', (v) => Number(v))
    .option('-a, --all', 'show every session')
    .option('--json', 'print as JSON')
    .action((_opts: unknown, command: Command) => run(async () => (await import('./commands/history.js')).historyCommand(globals(command), io))());
  history
    .command('delete')
    .description('delete a saved session (asks first; --yes for scripts)')
    .argument('<session-id>', 'a session id or a unique prefix of one')
    .option('-y, --yes', 'delete without asking')
    .action((id: string, _opts: unknown, command: Command) => run(async () => (await import('./commands/history.js')).deleteCommand(id, globals(command), io))());

  program
    .command('review')
    .description('the full feedback of one session: answers, scores, evidence, hints and the reference outline')
    .argument('[session-id]', 'a session id, a unique prefix of one, or "last" (default)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'md', 'json']).default('text'))
    .option('-o, --out <file>', 'write to a file instead of the terminal')
    .option('-c, --compare <ids...>', 'two sessions side by side: score deltas per stage, items gained and lost')
    .action((id: string | undefined, _opts: unknown, command: Command) =>
      run(async () => (await import('./commands/review.js')).reviewCommand(id, globals(command) as never, io))(),
    );

  program
    .command('stats')
    .description('averages per stage, the items you miss most, and stages that run over budget')
    .option('--json', 'print as JSON')
    .action((_opts: unknown, command: Command) => run(async () => (await import('./commands/stats.js')).statsCommand(globals(command), io))());

  program
    .command('drill')
    .description('spaced repetition (FSRS) over the checklist items you miss')
    .option('-a, --all', 'practise even when no card is due')
    .option('-n, --limit <n>', 'cards in this drill', (v) => Number.parseInt(v, 10), 5)
    .action((_opts: unknown, command: Command) => run(async () => (await import('./commands/drill.js')).drillCommand(globals(command) as never, io))());

  program
    .command('schema')
    .description('print the JSON Schema of a prompt or rubric file, for editor completion and checks')
    .addArgument(new Argument('<kind>', 'which schema').choices(['prompt', 'rubric']))
    .addHelpText('after', '\nContent files start with "# yaml-language-server: $schema=../schemas/<kind>.schema.json" so editors use it.')
    .action((kind: 'prompt' | 'rubric') => run(async () => (await import('./commands/schema.js')).schemaCommand(kind, io))());

  for (const command of [program, ...program.commands, ...program.commands.flatMap((c) => c.commands)]) {
    command.exitOverride().configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  }
  return { program, result };
}

/** Runs the CLI and returns the exit code; errors become one clear line on stderr. */
export async function main(argv: string[], io: Io, readStdin: () => Promise<string> = readAll): Promise<number> {
  const { program, result } = buildProgram(io, readStdin);
  // chalk is loaded only when some output may be coloured (--no-color is not parsed yet: then it loads for nothing).
  if (colorLevel(io.stdout, io.env) > 0 || colorLevel(io.stderr, io.env) > 0) await loadChalk();
  if (argv.length === 0) {
    program.outputHelp();
    return EXIT.ok;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return result.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    if (error instanceof Error && error.name === 'ExitPromptError') return EXIT.interrupted;
    if (error instanceof CliError) {
      io.stderr.write(`mlsd: ${error.message}\n`);
      for (const line of error.details) io.stderr.write(`  ${line}\n`);
      return error.exitCode;
    }
    io.stderr.write(`mlsd: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    io.stderr.write('This is a bug in mlsd; please report it with the command you ran.\n');
    return EXIT.failure;
  }
}

async function readAll(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function run(): Promise<void> {
  const { processIo } = await import('./commands/io.js');
  process.exitCode = await main(process.argv.slice(2), processIo());
}
