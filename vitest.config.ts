import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // End-to-end tests spawn the built CLI; give them room on a loaded 2-core machine.
    testTimeout: 30_000,
    env: { FORCE_COLOR: '0', NO_COLOR: '1', EDITOR: 'false', VISUAL: 'false' },
    server: { deps: { inline: [/@inquirer\//] } },
  },
});
