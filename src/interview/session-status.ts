/**
 * Where a session stands: the one declaration, used by the practice interview, the peer interviewer's
 * sheet, the saved session files and the index. `active`: the clock runs; `interrupted`: stopped
 * (Ctrl-C, a signal, a crash) and resumable; `finished`: every stage done, or ended by the interviewer;
 * `timed-out`: the time ran out.
 */
export const SESSION_STATUSES = ['active', 'interrupted', 'finished', 'timed-out'] as const;

export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** True once nothing more can happen in the session (finished or timed out): it can be scored, not resumed. */
export function isOver(status: SessionStatus): boolean {
  return status === 'finished' || status === 'timed-out';
}

/**
 * Whether `mlsd resume` can continue a session: a live one (a practice interview or a peer
 * interview; a scored answer has nothing to continue) that is not over.
 */
export function canResume(session: { kind: 'score' | 'practice' | 'interview'; status: SessionStatus }): boolean {
  return session.kind !== 'score' && !isOver(session.status);
}
