/**
 * `npm run build`: bundles the widget (loader, app, staff page) and the server
 * into `dist/`. `npm start` and `npm test` run it first, so a fresh clone
 * needs no other step.
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildAdmin } from './admin.ts';
import { buildWidget } from './widget.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;

rmSync(dist, { recursive: true, force: true });

await Promise.all([
  buildWidget({ outDir: `${dist}/widget` }),
  buildAdmin({ outDir: `${dist}/widget` }),
  build({
    // Worker threads are their own entries, loaded by file name from main.js: the SQLite writer
    // (server/storage/sqlite/writer.ts) and the knowledge base build (knowledge/load/build-in-worker.ts).
    entryPoints: [
      { in: `${root}server/main.ts`, out: 'main' },
      { in: `${root}server/storage/sqlite/writer-thread.ts`, out: 'writer-thread' },
      { in: `${root}knowledge/load/kb-build-worker.ts`, out: 'kb-build-worker' },
    ],
    outdir: `${dist}/server`,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  }),
]);
