import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveOnLoopback, type Served } from '../../../test/server/support/serve.ts';
import { PAGE_CSP, secureHeaders } from './index.ts';

describe('secureHeaders', () => {
  let server: Served;
  beforeAll(async () => {
    const app = new Hono();
    app.use(secureHeaders());
    app.get('/api', (c) => c.json({ ok: true }));
    app.get('/widget.js', secureHeaders({ crossOriginResourcePolicy: 'cross-origin' }), (c) => c.text('x'));
    app.get('/page', secureHeaders({ contentSecurityPolicy: PAGE_CSP }), (c) => c.html('<p>hi</p>'));
    server = await serveOnLoopback(app);
  });
  afterAll(() => server.close());

  it('sends nosniff, no-referrer and same-origin CORP by default, without a CSP', async () => {
    const res = await fetch(`${server.url}/api`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(res.headers.get('content-security-policy')).toBeNull();
  });

  it('lets a route override CORP so other sites can load the widget', async () => {
    const res = await fetch(`${server.url}/widget.js`);
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });

  it("gives pages a CSP without 'unsafe-inline' and forbids framing", async () => {
    const res = await fetch(`${server.url}/page`);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });
});
