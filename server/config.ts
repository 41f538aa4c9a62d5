import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { MAX_WORKERS, WEBHOOK_DELIVERY } from './api/limits.ts';
import { tokenWeakness } from './token-strength.ts';

/** Everything the server reads from the environment, parsed and checked once at start. */
export interface ServerConfig {
  port: number;
  host: string;
  /** Absolute; holds the SQLite file (and, with DATABASE_URL, the knowledge base's last good copy). */
  dataDir: string;
  /** `postgres://…`: keep everything in that PostgreSQL database, shared by replicas; `null` = SQLite under `dataDir`. */
  databaseUrl: string | null;
  /**
   * Count rate limits in the database rather than in this process's memory,
   * so they hold across processes sharing it (cluster workers on one SQLite
   * file). Always on with `databaseUrl`. Default false.
   */
  sharedLimits: boolean;
  /** WORKERS: cluster workers sharing the port (`auto` = one per core); 1 = a single process. See server/cluster.ts. */
  workers: number;
  /** `null` = staff endpoints refuse everyone. */
  adminToken: string | null;
  /** CORS allow-list patterns; `null` = the defaults (own origin plus localhost on any port). */
  allowedOrigins: string[] | null;
  /** POST requests per minute per client IP on `/api/*`; 0 turns every rate limit off. */
  rateLimitPerMinute: number;
  /** Callback requests per 10 minutes per client IP, on top of the general limit; 0 = off. */
  callbackLimitPer10Minutes: number;
  knowledgeDir: string;
  retentionDays: number;
  /** Audit entries are kept this many days (AUDIT_RETENTION_YEARS, default 6 years). */
  auditRetentionDays: number;
  /** Optional email notice of new callback requests (no patient details). */
  smtp: SmtpSettings | null;
  webhookUrl: string | null;
  /** Per-request webhook timeout (WEBHOOK_TIMEOUT_SECONDS); also sets how long a replica keeps a claimed delivery. */
  webhookTimeoutMs: number;
  /** When set, each webhook is signed with HMAC-SHA256 so the receiver can tell it came from us. */
  webhookSecret: string | null;
  /** How many reverse proxies in front of us may set X-Forwarded-For. */
  trustProxy: number;
  /** Base URL staff use to reach this server (links in webhook notifications). */
  publicUrl: string;
  /** Built widget files (`widget.js`, chunks, `admin.js`). */
  widgetDir: string;
  /** Static HTML pages shipped with the server. */
  pagesDir: string;
}

export interface SmtpSettings {
  /** `smtp://user:password@host:port` or `smtps://…` (implicit TLS). */
  url: string;
  from: string;
  /** Comma-separated recipients. */
  to: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** `auto` is one worker per core; a number is taken as asked (the cluster caps it at the core count). */
function workersSetting(raw: string | undefined, problems: string[]): number {
  if (raw === undefined) return 1;
  if (raw === 'auto') return availableParallelism();
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (n >= 1 && n <= MAX_WORKERS) return n;
  problems.push(`WORKERS: must be "auto" or a whole number from 1 to ${MAX_WORKERS} (got "${raw}")`);
  return 1;
}

/** Reads the environment; `root` is the repository folder (for bundled defaults). Throws ConfigError listing every problem. */
export function loadConfig(env: Env, root: string, cwd: string = process.cwd()): ServerConfig {
  const problems: string[] = [];
  const value = (name: string): string | undefined => {
    const raw = env[name]?.trim();
    return raw ? raw : undefined;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      problems.push(`${name}: must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return n;
  };
  const httpUrl = (name: string): string | null => {
    const raw = value(name);
    if (raw === undefined) return null;
    try {
      const url = new URL(raw);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.href.replace(/\/$/, '');
    } catch {
      // reported below
    }
    problems.push(`${name}: must be an http(s) URL`);
    return null;
  };

  const port = integer('PORT', 8787, 0, 65535);
  const host = value('HOST') ?? '127.0.0.1';

  // Empty means unset; whitespace only is a mistake that would silently lock staff out, so it is refused.
  const rawToken = env.ADMIN_TOKEN;
  const adminToken = rawToken ? (value('ADMIN_TOKEN') ?? rawToken) : null;
  const weakness = adminToken === null ? null : tokenWeakness(adminToken);
  if (weakness !== null) problems.push(`ADMIN_TOKEN: ${weakness}`);

  let allowedOrigins: string[] | null = null;
  const originsRaw = value('ALLOWED_ORIGINS');
  if (originsRaw !== undefined) {
    allowedOrigins = originsRaw.split(',').map((o) => o.trim()).filter(Boolean);
    for (const origin of allowedOrigins) {
      if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
        problems.push(`ALLOWED_ORIGINS: "${origin}" is not an origin like https://www.example-clinic.com (no path, no trailing slash)`);
      }
    }
  }

  const smtpUrl = value('SMTP_URL');
  let smtp: SmtpSettings | null = null;
  if (smtpUrl !== undefined) {
    if (!/^smtps?:\/\/[^/\s]+\/?$/.test(smtpUrl)) problems.push('SMTP_URL: must look like smtp://user:password@mail.example.com:587 or smtps://…');
    const to = value('NOTIFY_EMAIL_TO');
    if (to === undefined || !to.split(',').every((a) => /^[^\s@]+@[^\s@]+$/.test(a.trim()))) {
      problems.push('NOTIFY_EMAIL_TO: with SMTP_URL set, give the address(es) to notify, comma-separated');
    }
    smtp = { url: smtpUrl, from: value('NOTIFY_EMAIL_FROM') ?? 'clinic-chat@localhost', to: to ?? '' };
  }

  const databaseUrl = value('DATABASE_URL') ?? null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\/\S+$/.test(databaseUrl)) {
    problems.push('DATABASE_URL: must look like postgres://user:password@db.example.com:5432/clinic_chat');
  }

  const publicUrl = httpUrl('PUBLIC_URL') ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  const config: ServerConfig = {
    port,
    host,
    dataDir: resolve(cwd, value('DATA_DIR') ?? './data'),
    databaseUrl,
    sharedLimits: false,
    workers: workersSetting(value('WORKERS'), problems),
    adminToken,
    allowedOrigins,
    rateLimitPerMinute: integer('RATE_LIMIT_PER_MINUTE', 60, 0, 1_000_000),
    callbackLimitPer10Minutes: integer('CALLBACK_LIMIT_PER_10_MINUTES', 5, 0, 1_000_000),
    knowledgeDir: value('KNOWLEDGE_DIR') ? resolve(cwd, value('KNOWLEDGE_DIR')!) : join(root, 'knowledge', 'base'),
    retentionDays: integer('RETENTION_DAYS', 90, 1, 36_500),
    auditRetentionDays: Math.round(integer('AUDIT_RETENTION_YEARS', 6, 1, 100) * 365.25),
    smtp,
    webhookUrl: httpUrl('CALLBACK_WEBHOOK_URL'),
    webhookSecret: value('CALLBACK_WEBHOOK_SECRET') ?? null,
    webhookTimeoutMs: integer('WEBHOOK_TIMEOUT_SECONDS', WEBHOOK_DELIVERY.timeoutMs / 1000, 1, 120) * 1000,
    trustProxy: integer('TRUST_PROXY', 0, 0, 10),
    publicUrl,
    widgetDir: join(root, 'dist', 'widget'),
    pagesDir: join(root, 'server', 'pages'),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** For entry points: the configuration, or the problems on stderr and exit code 1. */
export function loadConfigOrExit(env: Env, root: string): ServerConfig {
  try {
    return loadConfig(env, root);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
