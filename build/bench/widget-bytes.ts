import { build } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface WidgetBytes {
  what: string;
  gzipBytes: number;
}

const gzipSize = (bytes: Uint8Array | string) => gzipSync(bytes, { level: 9 }).length;

/** The floor: a bare Preact + signals component, bundled and minified the same way. */
async function barePreactSignals(root: string): Promise<number> {
  const result = await build({
    stdin: {
      contents: `import { render } from 'preact'; import { signal } from '@preact/signals';
        const n = signal(0);
        render(<button onClick={() => n.value++}>{n}</button>, document.body);`,
      loader: 'tsx',
      resolveDir: root,
    },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2020',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    write: false,
  });
  return gzipSize(result.outputFiles[0]!.contents);
}

/**
 * Gzip bytes of what `npm run build` wrote to dist/widget: the loader, and
 * everything a visitor downloads to open the chat and get an answer (every
 * widget file but the staff page and source maps).
 */
export async function measureWidgetBytes(root: string): Promise<WidgetBytes[]> {
  const dir = join(root, 'dist/widget');
  const files = readdirSync(dir).filter((f) => /\.(js|css)$/.test(f) && f !== 'admin.js');
  const size = (f: string) => gzipSize(readFileSync(join(dir, f)));
  return [
    { what: 'loader (widget.js)', gzipBytes: size('widget.js') },
    { what: `everything to first answer (${files.join(', ')})`, gzipBytes: files.reduce((sum, f) => sum + size(f), 0) },
    { what: 'bare Preact + signals build (floor)', gzipBytes: await barePreactSignals(root) },
  ];
}
