import { Hono } from 'hono';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PAGE_CSP, secureHeaders } from '../middleware/secure-headers/index.ts';

/** Our own pages: the demo clinic page at `/` (with its stylesheet and icon) and the staff page shell at `/admin`. */
export function pages(pagesDir: string): Hono {
  const app = new Hono();
  const read = (name: string) => readFileSync(join(pagesDir, name), 'utf8');
  const demo = read('demo.html');
  const demoCss = read('demo.css');
  const admin = read('admin.html');
  const favicon = read('favicon.svg');
  const pageHeaders = secureHeaders({ contentSecurityPolicy: PAGE_CSP });

  app.get('/', pageHeaders, (c) => {
    c.header('Cache-Control', 'no-cache');
    return c.html(demo);
  });
  app.get('/admin', pageHeaders, (c) => {
    c.header('Cache-Control', 'no-store');
    return c.html(admin);
  });
  app.get('/demo.css', (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(demoCss, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });
  app.get('/favicon.svg', (c) => {
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(favicon, 200, { 'Content-Type': 'image/svg+xml' });
  });

  return app;
}
