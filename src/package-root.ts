import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * mlsd's own package: its root directory (where prompts/ and rubrics/ ship) and its version. Found by
 * walking up from this module to the package.json named "mlsd", so it holds wherever the module sits:
 * src/ in tests, dist/ after tsc, dist/bundle/ in the bundled build.
 */
export interface PackageInfo {
  root: string;
  version: string;
}

let found: PackageInfo | undefined;

export function packageInfo(): PackageInfo {
  if (found) return found;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'mlsd' && typeof pkg.version === 'string') return (found = { root: join(dir, '/'), version: pkg.version });
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('mlsd: cannot find its own package.json');
    dir = parent;
  }
}
