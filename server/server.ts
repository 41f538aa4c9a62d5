import { createAdaptorServer } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONNECTION_LIMITS, outboxLeaseMs, type ConnectionLimits } from './api/limits.ts';
import { createApp } from './app.ts';
import { createAuditTrail } from './audit/audit-trail.ts';
import { createFailureLimiter } from './auth/failure-limiter.ts';
import { createStaffSessions } from './auth/sessions.ts';
import { systemClock, type Clock } from './clock.ts';
import { relayedNotifier, type ClusterRole } from './cluster.ts';
import type { ServerConfig } from './config.ts';
import { capConnectionsPerAddress } from './http/connection-cap.ts';
import { answerProtocolErrors } from './http/protocol-errors.ts';
import { openLiveKnowledge } from './knowledge-admin/live-knowledge.ts';
import { startKnowledgeSync } from './knowledge-admin/replica-sync.ts';
import { startEmailNotice } from './notify/email.ts';
import { noNotifier } from './notify/notifier.ts';
import { startWebhookDeliverer } from './notify/webhook.ts';
import { createQuestionLog } from './question-log.ts';
import { startRetention } from './retention.ts';
import { openStorage } from './storage/open-storage.ts';
import type { SqliteStorageOptions } from './storage/sqlite/index.ts';
import type { Storage } from './storage/types.ts';

export interface RunningServer {
  /** e.g. http://127.0.0.1:8787 (the real port when PORT=0). */
  url: string;
  /** Stops accepting requests, finishes background work, closes the database. */
  close(): Promise<void>;
}

export interface StartOptions {
  clock?: Clock;
  /** Operational messages (never personal data). Default stderr. */
  log?: (message: string) => void;
  /** Access log lines. Default stdout. */
  logRequest?: (line: string) => void;
  /** Overrides for the connection timeouts and caps (tests use short ones). Default CONNECTION_LIMITS. */
  connectionLimits?: Partial<ConnectionLimits>;
  /** Storage health thresholds (tests raise the free-space floor to see a full disk). */
  storage?: SqliteStorageOptions;
  /** Automatic staff logoff. Default 15 minutes. */
  sessionIdleMs?: number;
  /** Several new requests within this time get one email notice. Default 60 s. */
  emailCoalesceMs?: number;
  /** Set in a cluster worker (server/cluster.ts): only the jobs worker runs background work. */
  cluster?: ClusterRole;
}

/** Failed sign-ins allowed per 15 minutes: a person mistyping, not a guesser. */
export const SIGN_IN_RULES = [
  { kind: 'account', max: 5, windowMs: 15 * 60_000 },
  { kind: 'address', max: 20, windowMs: 15 * 60_000 },
];

/**
 * Opens the knowledge base (throws KnowledgeBaseError when invalid and no
 * last good copy exists under DATA_DIR), the
 * database and the background jobs, then listens. Everything `main.ts` does
 * except reading the environment and handling signals.
 */
export async function startServer(config: ServerConfig, options: StartOptions = {}): Promise<RunningServer> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? ((m: string) => console.error(m));

  const cluster = options.cluster;
  const runsJobs = cluster?.runsJobs ?? true;
  const kb = openLiveKnowledge({ dir: config.knowledgeDir, dataDir: config.dataDir, clock, log, keepLastGood: runsJobs });
  const knowledge = kb.service;
  let storage: Storage;
  try {
    storage = await openStorage(config, {
      ...(options.storage ? { sqlite: options.storage } : {}),
      postgres: { log, outboxLeaseMs: outboxLeaseMs(config.webhookTimeoutMs) },
    });
  } catch (error) {
    knowledge.close();
    throw error;
  }
  // Replicas on one database serve the answers saved on any of them (see replica-sync.ts). In a
  // cluster only the jobs worker writes them into the folder; the other workers' watchers reload it.
  const kbSync =
    storage.watchRevisions && runsJobs
      ? startKnowledgeSync({ kb, revisions: storage, watch: storage.watchRevisions.bind(storage), log })
      : null;
  // Start serving the newest answers, not whatever this replica's folder had when it was built.
  await kbSync?.settled();
  const email = config.smtp && runsJobs
    ? startEmailNotice({
        ...config.smtp,
        inboxUrl: `${config.publicUrl}/admin`,
        log,
        ...(options.emailCoalesceMs === undefined ? {} : { coalesceMs: options.emailCoalesceMs }),
      })
    : null;
  const staff = {
    sessions: createStaffSessions({ store: storage, clock, ...(options.sessionIdleMs ? { idleMs: options.sessionIdleMs } : {}) }),
    limiter: createFailureLimiter({ store: storage, clock, rules: SIGN_IN_RULES }),
    audit: createAuditTrail({ store: storage, clock, trustProxy: config.trustProxy, log }),
  };
  // A cluster worker without the jobs still queues notifications; the jobs worker delivers them.
  const notifier =
    config.webhookUrl === null
      ? noNotifier
      : runsJobs
        ? startWebhookDeliverer({
            url: config.webhookUrl,
            secret: config.webhookSecret,
            timeoutMs: config.webhookTimeoutMs,
            inboxUrl: `${config.publicUrl}/admin`,
            outbox: storage,
            clock,
            log,
          })
        : relayedNotifier;
  // The jobs worker hears of callbacks stored by the others, as if they were its own.
  cluster?.onCallbackElsewhere(() => {
    notifier.nudge();
    email?.newRequest();
  });
  const questions = createQuestionLog({ store: storage, clock, log });
  const retention = runsJobs
    ? startRetention({ storage, days: config.retentionDays, auditDays: config.auditRetentionDays, clock, log })
    : null;
  const app = createApp({
    config,
    knowledge,
    kb,
    storage,
    // In memory is fastest and right for one process; replicas and workers must count together.
    ...(config.databaseUrl !== null || config.sharedLimits ? { limitStore: storage } : {}),
    staff,
    onNewCallback: () => (cluster && !runsJobs ? cluster.announceCallback() : email?.newRequest()),
    notifier,
    clock,
    questions,
    logError: log,
    ...(options.logRequest ? { logRequest: options.logRequest } : {}),
    ...(cluster ? { worker: cluster.worker } : {}),
  });

  const shutdownJobs = async () => {
    retention?.stop();
    await kbSync?.stop();
    await notifier.close();
    await email?.close();
    await questions.flush();
    await storage.close();
    knowledge.close();
  };

  const limits: ConnectionLimits = { ...CONNECTION_LIMITS, ...options.connectionLimits };
  // Guards go on before listen, so no connection ever arrives without them.
  const server = createAdaptorServer({
    fetch: app.fetch,
    serverOptions: {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: limits.checkIntervalMs,
      maxHeaderSize: limits.maxHeaderBytes,
    },
  }) as Server;
  server.setTimeout(limits.idleSocketTimeoutMs);
  answerProtocolErrors(server);
  // Behind a proxy every connection is the proxy's; the cap is for direct exposure.
  if (config.trustProxy === 0) capConnectionsPerAddress(server, { perAddress: limits.perAddress });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await shutdownJobs();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;

  return {
    url: `http://${host}:${port}`,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        // Requests still running after 5 s are cut off rather than holding shutdown forever.
        setTimeout(() => server.closeAllConnections(), 5000).unref();
      });
      await shutdownJobs();
    },
  };
}
