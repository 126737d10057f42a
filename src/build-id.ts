/**
 * The identity of this build of mlsd's code: the SHA-256 of the bundle (dist/bundle), written here by
 * `npm run build` (scripts/build-dist.mjs replaces the placeholder in the bundled output). Caches of
 * what the code computes, not just of what it reads (the compiled scoring form of the rubrics), are
 * keyed by it, so a change of the code never meets a cache written by another build, even under the
 * same version number. Outside the bundle (tests run the sources, dist/ module by module) there is no
 * build id, and such caches are neither read nor written.
 */
const STAMP = '@MLSD_BUILD_ID@';

/** The build id, 64 hex digits, or null when running code that is not a stamped bundle. */
export function buildId(): string | null {
  return /^[0-9a-f]{64}$/.test(STAMP) ? STAMP : null;
}
