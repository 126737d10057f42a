import { onStopSignals, SIGNAL_EXIT_CODES, type SignalName, type SignalSource } from '../interview/stop-signals.js';

/** The process's own signals, for the live screens (interview/stop-signals.ts). */
export const processSignals: SignalSource = {
  on: (name, fn) => process.on(name, fn),
  off: (name, fn) => process.off(name, fn),
};

/** How a question asked before or after the clock ended: its answer, or the exit code of what stopped it. */
export type Asked<T> = { value: T } | { stopped: number };

/**
 * Asks an inquirer question (`ask` passes `signal` on as the prompt's AbortSignal) so that a stop signal
 * while it waits ends it with that signal's exit code, as the live screens do (SIGINT 130, SIGTERM 143,
 * SIGHUP 129); Ctrl-C typed at the prompt is 130. Left to itself, a signal at the prompt ended the process
 * with exit 0. Other errors are thrown.
 */
export async function askUnlessStopped<T>(ask: (signal: AbortSignal) => Promise<T>, source: SignalSource = processSignals): Promise<Asked<T>> {
  const controller = new AbortController();
  let caught: SignalName | null = null;
  const stopOn = (name: SignalName) => () => {
    caught ??= name;
    controller.abort();
  };
  const stopListening = onStopSignals(source, { SIGINT: stopOn('SIGINT'), SIGTERM: stopOn('SIGTERM'), SIGHUP: stopOn('SIGHUP') });
  try {
    return { value: await ask(controller.signal) };
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'ExitPromptError' || name === 'AbortPromptError') return { stopped: SIGNAL_EXIT_CODES[caught ?? 'SIGINT'] };
    throw error;
  } finally {
    stopListening();
  }
}
