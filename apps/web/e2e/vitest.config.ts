import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Run from the repository root: `vitest run --config apps/web/e2e/vitest.config.ts`.
const root = fileURLToPath(new URL('../../../', import.meta.url));

export default defineConfig({
  root,
  resolve: { conditions: ['sauda-source'] },
  ssr: { resolve: { conditions: ['sauda-source'], externalConditions: ['sauda-source'] } },
  test: {
    include: ['apps/web/e2e/**/*.e2e.test.ts', 'tools/**/*.e2e.test.ts'],
    globalSetup: ['apps/web/e2e/global-setup.ts'],
    // Starting the whole system (embedded PostgreSQL, migrations, seed, every service) takes a while.
    hookTimeout: 360_000,
    testTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
