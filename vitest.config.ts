import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{widget,server,knowledge,build,test}/**/*.test.{ts,tsx}'],
    // Browser and SIGKILL tests start real processes; two cores, so keep workers few.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
});
