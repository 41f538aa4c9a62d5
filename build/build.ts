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
    // The knowledge base build worker is started by file name from main.js (knowledge/load/build-in-worker.ts).
    entryPoints: { main: `${root}server/main.ts`, 'kb-build-worker': `${root}knowledge/load/kb-build-worker.ts` },
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
