import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/start.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe('demo clinic page', () => {
  it('embeds the widget exactly as a clinic would, under a strict CSP', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('<script src="/widget.js" async></script>');
    expect(html).not.toMatch(/up to one year/i);
    expect(html).not.toMatch(/<script>(?!<\/script>)|\son[a-z]+=|style="/); // nothing inline the CSP would block
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
  });

  it('serves its stylesheet', async () => {
    const res = await fetch(`${server.url}/demo.css`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/css/);
  });
});

describe('staff page shell', () => {
  it('loads /admin.js under a strict CSP', async () => {
    const res = await fetch(`${server.url}/admin`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<script type="module" src="/admin.js"></script>');
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('widget files', () => {
  it('serves the loader to other sites with a short cache', async () => {
    const res = await fetch(`${server.url}/widget.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(await res.text()).toBe('/* loader */');
  });

  it('sends brotli or gzip to clients that accept it, plain bytes to others', async () => {
    for (const [accept, encoding] of [['gzip', 'gzip'], ['gzip, deflate, br', 'br'], ['identity', null]] as const) {
      const res = await fetch(`${server.url}/widget.js`, { headers: { 'accept-encoding': accept } });
      expect(res.headers.get('content-encoding')).toBe(encoding);
      expect(res.headers.get('vary')).toBe('Accept-Encoding');
      expect(await res.text()).toBe('/* loader */');
    }
  });

  it('caches content-hashed chunks for a year', async () => {
    const res = await fetch(`${server.url}/app-0123abcd45.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await fetch(`${server.url}/widget.js`);
    const etag = first.headers.get('etag')!;
    const again = await fetch(`${server.url}/widget.js`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('serves admin.js and nothing outside the build folder', async () => {
    expect((await fetch(`${server.url}/admin.js`)).status).toBe(200);
    for (const path of ['/missing.js', '/.hidden.js', '/%2e%2e%2fpackage.json', '/server%2fmain.ts']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status).toBe(404);
    }
  });
});
