import { build } from 'esbuild';
import { join } from 'node:path';
import { buildBaseline, gzipSize, widgetSizes } from '../widget.ts';

export interface WidgetBytes {
  what: string;
  gzipBytes: number;
}

/** A bare Preact + @preact/signals component, bundled and minified like the widget. */
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

/** What `npm run build` wrote to dist/widget, beside two bare builds made now. */
export async function measureWidgetBytes(root: string): Promise<WidgetBytes[]> {
  const sizes = widgetSizes(join(root, 'dist/widget'));
  return [
    { what: 'loader (widget.js)', gzipBytes: sizes.loader },
    { what: 'app files to open and answer (CSS included)', gzipBytes: sizes.app },
    { what: 'everything to the first answer (loader + app)', gzipBytes: sizes.total },
    { what: 'floor: bare Preact + hooks + signals-core (what the widget ships)', gzipBytes: await buildBaseline() },
    { what: 'floor: bare Preact + @preact/signals', gzipBytes: await barePreactSignals(root) },
  ];
}
