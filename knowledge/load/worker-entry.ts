import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The file a worker thread runs, for a module that starts one: in the bundled server the
 * `<name>.js` that build/build.ts emits beside `main.js`; from the sources (tsx, tests) the
 * `<name>.ts` beside `from`, started through a two-line module that registers tsx's loader
 * first, since a worker inherits no `--import` loader from its process. Used by the knowledge
 * base build worker and by the server's SQLite writer thread.
 *
 * @example new Worker(workerEntry(import.meta.url, 'kb-build-worker'), { workerData })
 */
export function workerEntry(from: string, name: string): URL {
  if (!from.endsWith('.ts')) return new URL(`./${name}.js`, from);
  const tsx = dirname(createRequire(from).resolve('tsx/package.json'));
  // The ESM build of tsx's API (`require.resolve` alone would pick its CommonJS one).
  const register = pathToFileURL(join(tsx, 'dist/esm/api/index.mjs')).href;
  const entry = new URL(`./${name}.ts`, from).href;
  const code = `import { register } from ${JSON.stringify(register)}; register(); await import(${JSON.stringify(entry)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}
