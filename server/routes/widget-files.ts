import { Hono } from 'hono';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { jsonError } from '../http/json-error.ts';
import { secureHeaders } from '../middleware/secure-headers/index.ts';

const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  map: 'application/json; charset=utf-8',
};

// A plain file name from the build: no folders, no dot-files, a known extension.
const FILE = '[A-Za-z0-9][A-Za-z0-9_.-]*\\.(?:js|mjs|css|map)';
// Content-hashed names (`app-<hex>.js` from our build, `chunk-<HASH>.js` from esbuild) never change content.
const HASHED = /-(?:[0-9a-f]{8,}|[0-9A-Z]{8})\.(?:m?js|css)(?:\.map)?$/;

type Bytes = Uint8Array<ArrayBuffer>;

interface CachedFile {
  raw: Bytes;
  gzip: Bytes;
  br: Bytes;
  etag: string;
}

/** Compressed once when first requested; the loader is fetched on every clinic page view. */
function prepare(body: Buffer): CachedFile {
  return {
    raw: new Uint8Array(body),
    gzip: new Uint8Array(gzipSync(body, { level: 9 })),
    br: new Uint8Array(brotliCompressSync(body)),
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
  };
}

/** The best encoding the client accepts (q-values ignored: every browser lists both or neither). */
function pickEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  if (!acceptEncoding) return null;
  if (/\bbr\b/.test(acceptEncoding)) return 'br';
  if (/\bgzip\b/.test(acceptEncoding)) return 'gzip';
  return null;
}

/**
 * The built widget (`widget.js` loader, its chunks, `admin.js`) from `dir`,
 * at the site root. Other sites load these, so they carry CORP
 * `cross-origin` and `Access-Control-Allow-Origin: *` (chunks loaded with
 * `import()` are CORS requests). Hashed chunks are cached for a year; the
 * loader for five minutes, so a new release reaches every clinic page soon.
 */
export function widgetFiles(dir: string): Hono {
  const app = new Hono();
  const cache = new Map<string, CachedFile>();

  const load = async (name: string): Promise<CachedFile | null> => {
    const hit = cache.get(name);
    if (hit) return hit;
    try {
      const file = prepare(await readFile(join(dir, name)));
      cache.set(name, file);
      return file;
    } catch {
      return null;
    }
  };

  app.get(`/:file{${FILE}}`, secureHeaders({ crossOriginResourcePolicy: 'cross-origin' }), async (c) => {
    const name = c.req.param('file');
    const file = await load(name);
    if (file === null) return jsonError(c, 404, 'not found');
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cache-Control', HASHED.test(name) ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
    c.header('ETag', file.etag);
    c.header('Vary', 'Accept-Encoding');
    if (c.req.header('if-none-match') === file.etag) return c.body(null, 304);
    c.header('Content-Type', TYPES[name.slice(name.lastIndexOf('.') + 1)]!);
    const encoding = pickEncoding(c.req.header('accept-encoding'));
    if (encoding === null) return c.body(file.raw);
    c.header('Content-Encoding', encoding);
    return c.body(file[encoding]);
  });

  return app;
}
