/** Exit codes: 0 success, 1 the check failed (validation errors), 2 bad usage or unreadable input, 130 Ctrl-C. */
export const EXIT = { ok: 0, failure: 1, usage: 2, interrupted: 130 } as const;

/** An error the user can act on: printed as one line, no stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
    /** Further lines printed after the message (e.g. every validation issue). */
    readonly details: readonly string[] = [],
  ) {
    super(message);
    this.name = 'CliError';
  }
}
