/**
 * Bundles the widget into `outDir`:
 * - `widget.js`: the loader clinics embed (IIFE, ≤ 2 KB gzip);
 * - `app-<lang>-<HASH>.js` + `chunk-<HASH>.js`: the Preact app as ES modules,
 *   a small entry per UI language over shared chunks, imported by the loader
 *   from beside itself; the call-back form is a chunk of its own, fetched only
 *   when offered. Content-hashed names, so they can be cached forever.
 * CSS is minified and inlined as text for constructable stylesheets.
 *
 * @example
 * await buildWidget({ outDir: 'dist/widget' });
 * console.log(await widgetSizes('dist/widget')); // { loader, app, total } gzip bytes
 */
import { build, transform, type BuildOptions, type Plugin } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Lang } from '../server/api/contract.ts';

export interface WidgetBuildOptions {
  outDir: string;
  /** Defaults to true; turn off to read the output while debugging. */
  minify?: boolean;
}

export interface WidgetBuildResult {
  loaderFile: string;
  /** Per language, the app files imported to open the chat (entry first). */
  appFiles: Record<Lang, string[]>;
}

export interface WidgetSizes {
  /** gzip -9 bytes of `widget.js`. */
  loader: number;
  /** gzip -9 bytes of the app files needed to open and answer (CSS included), larger language. */
  app: number;
  /** Everything downloaded to open the widget and answer: loader + app. */
  total: number;
}

export const LOADER_BUDGET = 2 * 1024;
/**
 * 17 KB since the v2 round: the confirmation's reference and expected call
 * time, the kept question with "Try again", the note after a "No" and the
 * share-my-questions box cost about 400 bytes over the first 16 KB. All of it
 * loads after the page's own load and an idle period, or on intent.
 */
export const TOTAL_BUDGET = 17 * 1024;

const widgetDir = fileURLToPath(new URL('../widget/', import.meta.url));

const common: BuildOptions = {
  bundle: true,
  format: 'iife',
  target: ['chrome100', 'firefox100', 'safari15'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  legalComments: 'none',
  // Modules are strict already; the IIFE loader needs no "use strict" prologue.
  tsconfigRaw: { compilerOptions: { alwaysStrict: false } },
  write: false,
  logLevel: 'warning',
};

/** `import css from './x.css'` yields the minified stylesheet text. */
const cssText: Plugin = {
  name: 'css-text',
  setup(b) {
    b.onLoad({ filter: /\.css$/ }, async ({ path }) => {
      const { code } = await transform(await readFile(path, 'utf8'), { loader: 'css', minify: true });
      return { contents: `export default ${JSON.stringify(code.trim())}`, loader: 'js' };
    });
  },
};

const LANGS: Lang[] = ['en', 'es'];
const MANIFEST = 'widget-manifest.json';

/** Written beside the bundles (not served: the server only serves scripts). */
interface Manifest {
  /** Per language: the entry first, then the chunks it imports statically. */
  open: Record<Lang, string[]>;
}

export async function buildWidget({ outDir, minify = true }: WidgetBuildOptions): Promise<WidgetBuildResult> {
  mkdirSync(outDir, { recursive: true });
  const app = await build({
    ...common,
    minify,
    format: 'esm',
    splitting: true,
    metafile: true,
    write: true,
    outdir: outDir,
    entryPoints: Object.fromEntries(LANGS.map((lang) => [`app-${lang}`, join(widgetDir, `app/entry-${lang}.ts`)])),
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    plugins: [cssText],
  });
  const outputs = app.metafile!.outputs;
  const name = (path: string) => path.slice(path.lastIndexOf('/') + 1);
  const open = {} as Record<Lang, string[]>;
  for (const lang of LANGS) {
    const [entry, meta] = Object.entries(outputs).find(([, o]) => o.entryPoint?.endsWith(`app/entry-${lang}.ts`))!;
    open[lang] = [entry, ...meta.imports.filter((i) => i.kind === 'import-statement').map((i) => i.path)].map(name);
  }
  writeFileSync(join(outDir, MANIFEST), JSON.stringify({ open } satisfies Manifest, null, 2));

  const loader = await build({
    ...common,
    minify,
    entryPoints: [join(widgetDir, 'loader/loader.ts')],
    define: { __APP_FILES__: JSON.stringify(loaderFiles(open)) },
    plugins: [cssText],
  });
  writeFileSync(join(outDir, 'widget.js'), loader.outputFiles![0]!.contents);
  return { loaderFile: 'widget.js', appFiles: open };
}

/** `{ en: entry, es: entry, chunks }`: the chunks all entries import, listed once. */
function loaderFiles(open: Record<Lang, string[]>): Record<string, string | string[]> {
  const [first, ...rest] = LANGS.map((lang) => open[lang]);
  const chunks = first!.slice(1);
  if (rest.some((files) => files.slice(1).join() !== chunks.join())) throw new Error('app entries import different chunks');
  return { ...Object.fromEntries(LANGS.map((lang) => [lang, open[lang][0]!])), chunks };
}

export function gzipSize(bytes: Uint8Array | string): number {
  return gzipSync(bytes, { level: 9 }).length;
}

/** Measures a built `outDir` (as written by `buildWidget`), for the larger language. */
export function widgetSizes(outDir: string): WidgetSizes {
  const { open } = JSON.parse(readFileSync(join(outDir, MANIFEST), 'utf8')) as Manifest;
  const size = (file: string) => gzipSize(readFileSync(join(outDir, file)));
  const loader = size('widget.js');
  const app = Math.max(...Object.values(open).map((files) => files.reduce((sum, f) => sum + size(f), 0)));
  return { loader, app, total: loader + app };
}

/**
 * gzip bytes of a bare bundle of the framework the widget ships (Preact,
 * its hooks and @preact/signals-core), built the same way, so a benchmark can
 * show what the widget adds on top of it.
 */
export async function buildBaseline(): Promise<number> {
  const result = await build({
    ...common,
    minify: true,
    stdin: {
      contents: `import { render, h } from 'preact'; import { useState, useEffect } from 'preact/hooks'; import { signal, effect } from '@preact/signals-core';
const count = signal(0);
function App() { const [n, setN] = useState(0); useEffect(() => effect(() => setN(count.value)), []); return h('button', { onClick: () => count.value++ }, n); }
render(h(App, null), document.body);`,
      resolveDir: widgetDir,
      loader: 'js',
    },
  });
  return gzipSize(result.outputFiles![0]!.contents);
}
