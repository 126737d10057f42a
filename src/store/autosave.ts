/**
 * Saves a changing record soon after each change, one write at a time. A failed write (a full disk,
 * a read-only home) never throws at the caller: the record stays in memory, the failure is reported
 * once, and the save is retried until one succeeds, which is reported too.
 */

/** Timers the saver uses; injected so tests drive time by hand. */
export interface SaverTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** How to write and what to write. */
export interface AutosaverOptions<T> {
  /** Writes one record; rejects when it could not. */
  write(record: T): Promise<void>;
  /** The record as it is now. */
  snapshot(): T;
  timers: SaverTimers;
  /** How long after a change the save starts (changes in between are saved together). */
  delayMs?: number;
  /** How long after a failure to try again. */
  retryMs?: number;
  /** The first failure after a success (not every retry). */
  onFailure?(error: unknown): void;
  /** A save succeeded after failures. */
  onRecovered?(): void;
}

/** A change reaches the disk within this (plus the write itself). */
export const AUTOSAVE_DELAY_MS = 250;
/** After a failed write, the next try. */
export const AUTOSAVE_RETRY_MS = 3_000;

/** Saves soon after each change, one write at a time; see the module comment. */
export class Autosaver<T> {
  private dirty = false;
  private timer: unknown = null;
  private inFlight: Promise<void> | null = null;
  private failing = false;
  private stopped = false;
  private lastError: unknown = null;

  constructor(private readonly options: AutosaverOptions<T>) {}

  /** The record changed: save it within the delay. */
  touch(): void {
    this.dirty = true;
    this.schedule(this.options.delayMs ?? AUTOSAVE_DELAY_MS);
  }

  /** Whether the last write failed. */
  get failed(): boolean {
    return this.failing;
  }

  /**
   * Saves now (after any write in flight) and waits. Resolves with null on success, or the error;
   * the retry timer keeps running after a failure unless the saver is stopped.
   */
  async flush(): Promise<unknown> {
    this.cancelTimer();
    while (this.inFlight) await this.inFlight;
    this.dirty = true;
    await this.runOnce();
    return this.failing ? this.lastError : null;
  }

  /** No more saves (the caller saves the last record itself). */
  stop(): void {
    this.stopped = true;
    this.cancelTimer();
  }

  private schedule(ms: number): void {
    if (this.stopped || this.timer !== null || this.inFlight) return;
    this.timer = this.options.timers.setTimeout(() => {
      this.timer = null;
      void this.runOnce();
    }, ms);
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.options.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private async runOnce(): Promise<void> {
    if (!this.dirty || this.inFlight) return;
    this.dirty = false;
    const write = this.options.write(this.options.snapshot()).then(
      () => {
        if (this.failing) {
          this.failing = false;
          this.options.onRecovered?.();
        }
      },
      (error: unknown) => {
        this.dirty = true;
        this.lastError = error;
        if (!this.failing) {
          this.failing = true;
          this.options.onFailure?.(error);
        }
      },
    );
    this.inFlight = write;
    try {
      await write;
    } finally {
      this.inFlight = null;
    }
    if (this.dirty) this.schedule(this.failing ? (this.options.retryMs ?? AUTOSAVE_RETRY_MS) : (this.options.delayMs ?? AUTOSAVE_DELAY_MS));
  }
}
