export interface FixedWindowsOptions {
  /** Window length in ms. */
  windowMs: number;
  /** Most keys tracked at once; the oldest window is dropped beyond it. Default 10 000. */
  maxKeys?: number;
  /** Clock in ms, for tests. Default Date.now. */
  now?: () => number;
}

/** One key's count in its current window. */
export interface Window {
  count: number;
  resetAt: number;
}

/**
 * Per-key counters over fixed windows, for rate and failure limits. Memory
 * stays bounded: windows sit in a Map in expiry order (all have the same
 * length), so expired ones are dropped from the front in O(1) and at most
 * `maxKeys` are held.
 *
 * @example
 * const windows = new FixedWindows({ windowMs: 60_000 })
 * if (windows.current(ip).count++ >= 60) refuse(windows.retryAfterSeconds(ip))
 */
export class FixedWindows {
  readonly #windowMs: number;
  readonly #maxKeys: number;
  readonly #now: () => number;
  readonly #windows = new Map<string, Window>();

  constructor(options: FixedWindowsOptions) {
    this.#windowMs = options.windowMs;
    this.#maxKeys = options.maxKeys ?? 10_000;
    this.#now = options.now ?? Date.now;
  }

  /** The key's current window, started empty when it has none. */
  current(key: string): Window {
    const t = this.#now();
    this.#dropExpired(t);
    let w = this.#windows.get(key);
    if (w === undefined) {
      if (this.#windows.size >= this.#maxKeys) this.#windows.delete(this.#windows.keys().next().value!);
      w = { count: 0, resetAt: t + this.#windowMs };
      this.#windows.set(key, w);
    }
    return w;
  }

  /** The key's count in its current window, without starting one. */
  count(key: string): number {
    this.#dropExpired(this.#now());
    return this.#windows.get(key)?.count ?? 0;
  }

  /** Whole seconds (at least 1) until the key's window ends. */
  retryAfterSeconds(key: string): number {
    const w = this.#windows.get(key);
    return Math.max(1, Math.ceil(((w?.resetAt ?? 0) - this.#now()) / 1000));
  }

  #dropExpired(t: number): void {
    for (const [key, w] of this.#windows) {
      if (w.resetAt > t) return;
      this.#windows.delete(key);
    }
  }
}
