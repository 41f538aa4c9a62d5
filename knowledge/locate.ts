import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Finds a file shipped with the repository (e.g. `knowledge/base/urgent.yaml`)
 * by walking up from this module, so it resolves both from the sources and
 * from the bundled server in `dist/server/`.
 */
export function locateBundled(relativePath: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, relativePath);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find ${relativePath} above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

/** The knowledge base that ships with the product. */
export function bundledKnowledgeDir(): string {
  return locateBundled('knowledge/base');
}
