import { homedir, tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { resolvePaths } from '../../src/files/paths.js';

describe('the test run has a home of its own', () => {
  it('points HOME and every XDG folder into a temporary folder, so no test reaches the real mlsd data or cache', () => {
    const home = process.env.HOME ?? '';
    expect(home.startsWith(tmpdir())).toBe(true);
    expect(homedir()).toBe(home);
    const { MLSD_HOME: _unused, ...withoutOverride } = process.env;
    const paths = resolvePaths(withoutOverride);
    for (const place of [paths.data, paths.cache]) expect(place.startsWith(home)).toBe(true);
  });
});
