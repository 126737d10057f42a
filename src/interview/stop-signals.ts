/**
 * The signals that stop a live session (practice or a peer interview) and the exit code each one
 * ends the process with (128 + the signal's number, as shells report it; 130 is also Ctrl-C's
 * "interrupted"). Both live screens listen through `onStopSignals`, so they handle the same
 * signals the same way; the signal source is injected (the process, or a test's).
 */
export type SignalName = 'SIGINT' | 'SIGTERM' | 'SIGHUP';

export const SIGNAL_EXIT_CODES: Readonly<Record<SignalName, number>> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

/** Where signals come from: `process`, or a test's fake. */
export interface SignalSource {
  on(name: SignalName, fn: () => void): void;
  off(name: SignalName, fn: () => void): void;
}

/** Listens for every stop signal with its handler; returns the function that stops listening. */
export function onStopSignals(source: SignalSource, handlers: Readonly<Record<SignalName, () => void>>): () => void {
  const names = Object.keys(SIGNAL_EXIT_CODES) as SignalName[];
  const bound = names.map((name) => [name, () => handlers[name]()] as const);
  for (const [name, fn] of bound) source.on(name, fn);
  return () => {
    for (const [name, fn] of bound) source.off(name, fn);
  };
}
