import type { SessionSummary } from '../store/summary.js';

/**
 * The candidate name that means the user: `mlsd interview --candidate me` when a friend interviews
 * you on your machine. Compared without case and surrounding spaces.
 */
export const SELF_CANDIDATE = 'me';

/**
 * Whether a session is about the user's own answers, and so counts in `stats` and the drill deck:
 * everything but a peer interview in which the user asked the questions (its report is the
 * candidate's). A peer interview counts when its candidate is `me`.
 */
export function isOwnSession(session: Pick<SessionSummary, 'kind' | 'candidate'>): boolean {
  return session.kind !== 'interview' || session.candidate?.trim().toLowerCase() === SELF_CANDIDATE;
}
