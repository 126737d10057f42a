import { basename } from 'node:path';
import { CliError, EXIT } from '../errors.js';
import { findById } from '../store/session-dir.js';

/** A session file that could not be read, as the session list reports it (store/index-cache.ts). */
export interface DamagedFile {
  file: string;
  reason: string;
}

/** The damaged session file an id or unique id prefix names, with its id; null when none or several do. */
function damagedMatch(damaged: readonly DamagedFile[], prefix: string): (DamagedFile & { id: string }) | null {
  const withIds = damaged.flatMap((d) => {
    const name = basename(d.file);
    return name.endsWith('.json') ? [{ ...d, id: name.slice(0, -'.json'.length) }] : [];
  });
  const exact = withIds.find((d) => d.id === prefix);
  if (exact) return exact;
  const matches = withIds.filter((d) => d.id.startsWith(prefix));
  return matches.length === 1 ? matches[0]! : null;
}

/**
 * The session an id or a unique id prefix names, for every command that takes one (review, resume,
 * history delete): or a usage error (exit 2) that says the same thing everywhere, none or which ones;
 * `damaged`, the session files that could not be read, turns "no session" into "its file is damaged".
 */
export function sessionByPrefix<T extends { id: string }>(sessions: readonly T[], prefix: string, damaged: readonly DamagedFile[] = []): T {
  // An empty prefix would match every session (src/cli.ts refuses it first; this keeps every caller safe).
  if (prefix.trim() === '') throw new CliError('a session id is empty; give the id (see `mlsd history`)', EXIT.usage);
  const found = findById(sessions, prefix);
  if ('session' in found) return found.session;
  // Not among the sessions that could be read: a file of that id that could not be is damaged, not missing.
  const broken = found.error === 'none' ? damagedMatch(damaged, prefix) : null;
  if (broken) throw new CliError(`session "${broken.id}" cannot be read: its file ${broken.file} is damaged (${broken.reason}); it is left as it is`, EXIT.usage);
  throw new CliError(
    found.error === 'ambiguous' ? `"${prefix}" matches several sessions: ${found.matches.join(', ')}; give more of the id` : `no session "${prefix}"; see \`mlsd history\``,
    EXIT.usage,
  );
}
