import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { CliError, EXIT } from '../errors.js';

/**
 * Checks a file a command was asked to write (`--out FILE`) before any work is done, so a mistake costs
 * nothing: a directory is refused (exit 2, saying it is one), an existing file is refused unless `force`
 * (exit 2, naming --force; `force` is true for commands that ask instead), and a missing parent directory is named rather than created behind the user's
 * back. Throws a CliError; returns nothing when the file may be written.
 */
export async function checkOutFile(file: string, force: boolean, example = 'review.md'): Promise<void> {
  const target = await stat(file).catch(() => null);
  if (target?.isDirectory()) {
    throw new CliError(`--out ${file} is a directory; name a file in it, e.g. --out ${join(file, example)}`, EXIT.usage);
  }
  if (target && !force) throw new CliError(`--out ${file} already exists; add --force to replace it`, EXIT.usage);
  if (target && !target.isFile()) throw new CliError(`--out ${file} is not a regular file`, EXIT.usage);
  const dir = dirname(resolve(file));
  const parent = await stat(dir).catch(() => null);
  if (!parent) throw new CliError(`--out ${file}: the directory ${dir} does not exist; create it first (mkdir -p ${dir})`, EXIT.usage);
  if (!parent.isDirectory()) throw new CliError(`--out ${file}: ${dir} is not a directory`, EXIT.usage);
}
