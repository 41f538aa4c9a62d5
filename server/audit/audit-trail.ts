import type { Context } from 'hono';
import type { Actor } from '../auth/actor.ts';
import type { Clock } from '../clock.ts';
import { clientAddress } from '../http/client-ip.ts';
import { StorageUnavailableError } from '../storage/errors.ts';
import type { AuditStore } from '../storage/types.ts';

export interface AuditTrailOptions {
  store: Pick<AuditStore, 'appendAudit'>;
  clock: Clock;
  /** Proxies trusted for X-Forwarded-For (the address recorded). */
  trustProxy: number;
  /**
   * A person who keeps the inbox open sees each request again on every
   * refresh; one view per person and request within this time is recorded.
   * Default 15 minutes.
   */
  viewWindowMs?: number;
  /**
   * Where an audit entry goes when the database cannot take it (disk full,
   * file deleted): staff can still read and export what is stored, and who
   * did so is still recorded. Entries hold ids and addresses, never a
   * patient's details. Default stderr.
   */
  log?: (line: string) => void;
}

export interface AuditTrail {
  /** One entry per target (or one without a target), all with the same action and detail. */
  record(c: Context, actor: Pick<Actor, 'who' | 'role'> | { who: string; role: null }, action: string, targets: Array<string | null>, detail?: string | null): Promise<void>;
  /** Views of callback requests, leaving out repeats within the view window. */
  recordViews(c: Context, actor: Actor, ids: string[]): Promise<void>;
}

/**
 * Who did what to which record, when, from where: every view, export and
 * change of a callback request, every change to an answer, sign-ins.
 * Written before the response is sent, so nothing staff saw goes unrecorded.
 *
 * @example
 * await audit.record(c, c.var.actor, 'callback.status', [id], 'new -> contacted');
 */
export function createAuditTrail(options: AuditTrailOptions): AuditTrail {
  const { store, clock, trustProxy } = options;
  const viewWindowMs = options.viewWindowMs ?? 15 * 60_000;
  const log = options.log ?? ((line: string) => console.error(line));
  const lastView = new Map<string, number>();

  const record: AuditTrail['record'] = async (c, actor, action, targets, detail = null) => {
    const at = clock.now();
    const address = clientAddress(c, trustProxy);
    const entries = targets.map((target) => ({ at, who: actor.who, role: actor.role, action, target, detail, address }));
    try {
      await store.appendAudit(entries);
    } catch (error) {
      if (!(error instanceof StorageUnavailableError)) throw error;
      for (const entry of entries) log(`audit (the database cannot be written, so kept here): ${JSON.stringify({ ...entry, at: at.toISOString() })}`);
    }
  };

  return {
    record,
    async recordViews(c, actor, ids) {
      const now = clock.now().getTime();
      for (const [key, t] of lastView) {
        if (now - t < viewWindowMs) break; // insertion order = time order
        lastView.delete(key);
      }
      const fresh = ids.filter((id) => {
        const key = `${actor.who}\n${id}`;
        if (lastView.has(key)) return false;
        lastView.set(key, now);
        return true;
      });
      if (fresh.length > 0) await record(c, actor, 'callback.view', fresh);
    },
  };
}
