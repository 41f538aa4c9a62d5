import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Bundles the staff page (`/admin.js`) with the same Preact toolchain as the widget. */
export async function buildAdmin({ outDir }: { outDir: string }): Promise<void> {
  await build({
    entryPoints: [`${root}widget/admin/main.tsx`],
    outfile: `${outDir}/admin.js`,
    bundle: true,
    format: 'esm',
    target: 'es2020',
    minify: true,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    legalComments: 'none',
    logLevel: 'warning',
  });
}
