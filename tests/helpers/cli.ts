import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The repository root and the built CLI (`npm test` builds first). */
export const root = new URL('../..', import.meta.url).pathname;
export const bin = join(root, 'bin', 'mlsd.cjs');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a user would, with everything mlsd keeps under `home`, colour off. */
export function runMlsd(home: string, args: string[], options: { env?: Record<string, string | undefined>; input?: string; cwd?: string } = {}): Run {
  const env: Record<string, string | undefined> = { ...process.env, MLSD_HOME: home, MLSD_PROMPTS_PATH: '', NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const r = spawnSync(process.execPath, [bin, ...args], { env: env as NodeJS.ProcessEnv, input: options.input ?? '', encoding: 'utf8', cwd: options.cwd ?? root, timeout: 25_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
