import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * A home of the test run's own, so no test can read or write the user's real mlsd data, cache or
 * config, whether or not it sets MLSD_HOME (tests/global-home.ts removes it when the run ends).
 */
const home = mkdtempSync(join(tmpdir(), 'mlsd-test-home-'));
process.env.MLSD_TEST_HOME = home;

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-home.ts'],
    // End-to-end tests spawn the built CLI; give them room on a loaded 2-core machine.
    testTimeout: 30_000,
    env: {
      FORCE_COLOR: '0',
      NO_COLOR: '1',
      EDITOR: 'false',
      VISUAL: 'false',
      HOME: home,
      XDG_DATA_HOME: join(home, '.local', 'share'),
      XDG_CACHE_HOME: join(home, '.cache'),
      XDG_CONFIG_HOME: join(home, '.config'),
      XDG_STATE_HOME: join(home, '.local', 'state'),
    },
    server: { deps: { inline: [/@inquirer\//] } },
  },
});
