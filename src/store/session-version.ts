/**
 * The session file's format number (docs/architecture.md, Contracts): 2 since sessions store what was
 * said and when (store/session-format.ts); format 1 files are migrated on read. In a module of its own
 * so the session index can check it without loading the session format and the interview machine.
 */
export const SESSION_SCHEMA = 2;
