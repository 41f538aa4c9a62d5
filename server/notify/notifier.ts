/** Tells staff that a callback request arrived. */
export interface Notifier {
  /** False when no channel is configured: callbacks then queue no notification. */
  readonly enabled: boolean;
  /** A notification was just queued: deliver soon rather than at the next poll. */
  nudge(): void;
  /** Stops background work, letting an in-flight delivery finish. */
  close(): Promise<void>;
}

export const noNotifier: Notifier = {
  enabled: false,
  nudge() {},
  async close() {},
};
