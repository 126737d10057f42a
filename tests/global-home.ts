import { rmSync } from 'node:fs';

/** Vitest global set-up: removes the test run's own home (made in vitest.config.ts) when the run ends. */
export default function setup(): () => void {
  return () => {
    const home = process.env.MLSD_TEST_HOME;
    if (home && home.includes('mlsd-test-home-')) rmSync(home, { recursive: true, force: true });
  };
}
