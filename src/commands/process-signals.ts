import type { SignalSource } from '../interview/stop-signals.js';

/** The process's own signals, for the live screens (interview/stop-signals.ts). */
export const processSignals: SignalSource = {
  on: (name, fn) => process.on(name, fn),
  off: (name, fn) => process.off(name, fn),
};
