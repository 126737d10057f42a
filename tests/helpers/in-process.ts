import { main } from '../../src/cli.js';
import type { Io } from '../../src/commands/command-io.js';
import { stripControl } from '../../src/text/sanitize.js';
import type { Run } from './cli.js';

export interface InProcessOptions {
  /** Added to (or, with undefined, removed from) the environment: MLSD_HOME=home, no prompt packs, NO_COLOR=1. */
  env?: Record<string, string | undefined>;
  /** What `score -` reads as standard input. */
  input?: string;
  /** The clock the command sees (default: the real one). */
  now?: () => Date;
  /** Standard output is a terminal this many columns wide (default: not a terminal, laid out at 80). */
  columns?: number;
}

/**
 * Runs mlsd in this process through its Io seam (`main(argv, io)` in src/cli.ts), as `runMlsd` runs the
 * built CLI as a process: same arguments, same environment, the exit code and what was written to each
 * stream. Standard output is not a terminal (80 columns); standard error keeps mlsd's colours and drops any
 * other terminal control, as the real one does (command-io.ts, processIo). No process is spawned, so a test
 * costs milliseconds instead of a Node start-up; spawned tests (tests/e2e) keep the process-level checks.
 */
export async function runInProcess(home: string, args: string[], options: InProcessOptions = {}): Promise<Run> {
  const env: Record<string, string | undefined> = { ...process.env, MLSD_HOME: home, MLSD_PROMPTS_PATH: '', NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: options.columns === undefined ? { write: (s: string) => (stdout += s), isTTY: false } : { write: (s: string) => (stdout += s), isTTY: true, columns: options.columns },
    stderr: { write: (s: string) => (stderr += stripControl(s, { keepStyle: true })), isTTY: false },
    env,
    now: options.now ?? (() => new Date()),
    random: Math.random,
  };
  const code = await main(args, io, async () => options.input ?? '');
  return { code, stdout, stderr };
}
