import { CliError, EXIT } from '../errors.js';
import { findById } from '../store/session-dir.js';

/**
 * The session an id or a unique id prefix names, for every command that takes one (review, resume,
 * history delete): or a usage error (exit 2) that says the same thing everywhere, none or which ones.
 */
export function sessionByPrefix<T extends { id: string }>(sessions: readonly T[], prefix: string): T {
  const found = findById(sessions, prefix);
  if ('session' in found) return found.session;
  throw new CliError(
    found.error === 'ambiguous' ? `"${prefix}" matches several sessions: ${found.matches.join(', ')}; give more of the id` : `no session "${prefix}"; see \`mlsd history\``,
    EXIT.usage,
  );
}
