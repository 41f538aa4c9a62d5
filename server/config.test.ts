import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const root = '/repo';

describe('loadConfig', () => {
  it('uses the documented defaults', () => {
    const c = loadConfig({}, root, '/srv');
    expect(c).toEqual({
      port: 8787,
      host: '127.0.0.1',
      dataDir: resolve('/srv', 'data'),
      databaseUrl: null,
      sharedLimits: false,
      workers: 1,
      adminToken: null,
      allowedOrigins: null,
      rateLimitPerMinute: 60,
      callbackLimitPer10Minutes: 5,
      knowledgeDir: join(root, 'knowledge', 'base'),
      retentionDays: 90,
      auditRetentionDays: 2192,
      smtp: null,
      webhookUrl: null,
      webhookSecret: null,
      webhookTimeoutMs: 10_000,
      trustProxy: 0,
      publicUrl: 'http://127.0.0.1:8787',
      widgetDir: join(root, 'dist', 'widget'),
      pagesDir: join(root, 'server', 'pages'),
    });
  });

  it('reads WORKERS as auto (one per core) or a number, refusing anything else', () => {
    expect(loadConfig({ WORKERS: 'auto' }, root).workers).toBe(availableParallelism());
    expect(loadConfig({ WORKERS: '3' }, root).workers).toBe(3);
    expect(() => loadConfig({ WORKERS: '0' }, root)).toThrow(/WORKERS: must be "auto" or a whole number from 1 to 64 \(got "0"\)/);
    expect(() => loadConfig({ WORKERS: 'two' }, root)).toThrow(/WORKERS/);
    expect(() => loadConfig({ WORKERS: '65' }, root)).toThrow(/WORKERS/);
  });

  it('reads the audit retention in years and the SMTP notice settings', () => {
    const c = loadConfig({ AUDIT_RETENTION_YEARS: '7', SMTP_URL: 'smtp://u:p@mail.example:2525', NOTIFY_EMAIL_TO: 'desk@clinic.example' }, root);
    expect(c.auditRetentionDays).toBe(2557);
    expect(c.smtp).toEqual({ url: 'smtp://u:p@mail.example:2525', from: 'clinic-chat@localhost', to: 'desk@clinic.example' });
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.example' }, root)).toThrow(/NOTIFY_EMAIL_TO/);
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example', NOTIFY_EMAIL_TO: 'a@b.c' }, root)).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ AUDIT_RETENTION_YEARS: '0' }, root)).toThrow(/AUDIT_RETENTION_YEARS/);
  });

  it('reads every variable', () => {
    const c = loadConfig(
      {
        PORT: '9000', HOST: '::1', DATA_DIR: 'var/db', ADMIN_TOKEN: 'k3-Vq9xT2pLm8Zr4Wn6Yb1Hc',
        ALLOWED_ORIGINS: 'https://www.clinic.example, http://localhost:*', RATE_LIMIT_PER_MINUTE: '0',
        CALLBACK_LIMIT_PER_10_MINUTES: '3', KNOWLEDGE_DIR: 'kb', RETENTION_DAYS: '30',
        CALLBACK_WEBHOOK_URL: 'https://hooks.clinic.example/new/', TRUST_PROXY: '1',
        DATABASE_URL: 'postgres://chat:secret@db.clinic.example:5432/chat',
      },
      root,
      '/srv',
    );
    expect(c).toMatchObject({
      port: 9000, host: '::1', dataDir: '/srv/var/db', adminToken: 'k3-Vq9xT2pLm8Zr4Wn6Yb1Hc',
      allowedOrigins: ['https://www.clinic.example', 'http://localhost:*'], rateLimitPerMinute: 0,
      callbackLimitPer10Minutes: 3, knowledgeDir: '/srv/kb', retentionDays: 30,
      webhookUrl: 'https://hooks.clinic.example/new', trustProxy: 1, publicUrl: 'http://[::1]:9000',
      databaseUrl: 'postgres://chat:secret@db.clinic.example:5432/chat',
    });
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ ADMIN_TOKEN: '', PORT: '' }, root).adminToken).toBeNull();
  });

  it.each([
    ['  ', /only whitespace/],
    ['aaaaaaaaaaaaaaaa', /easy to guess/],
    ['abcdefghijklmnopqrstuvwxyz', /easy to guess/],
  ])('refuses the weak ADMIN_TOKEN %j, saying how to make a good one', (token, reason) => {
    expect(() => loadConfig({ ADMIN_TOKEN: token }, root)).toThrow(reason);
    expect(() => loadConfig({ ADMIN_TOKEN: token }, root)).toThrow(/ADMIN_TOKEN: .*openssl rand -hex 32/);
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({ PORT: '99999', RETENTION_DAYS: '0', TRUST_PROXY: 'yes', ALLOWED_ORIGINS: 'clinic.example,https://a.example/', PUBLIC_URL: 'nope', DATABASE_URL: 'mysql://db' }, root);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      for (const name of ['PORT', 'RETENTION_DAYS', 'TRUST_PROXY', 'ALLOWED_ORIGINS: "clinic.example"', 'ALLOWED_ORIGINS: "https://a.example/"', 'PUBLIC_URL', 'DATABASE_URL']) {
        expect(problems).toContain(name);
      }
    }
  });
});
