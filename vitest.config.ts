import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['sauda-source'] },
  ssr: { resolve: { conditions: ['sauda-source'], externalConditions: ['sauda-source'] } },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'services/*/src/**/*.test.ts',
      'tools/**/*.test.ts',
      'bench/**/*.test.ts',
      'apps/web/src/**/*.test.ts',
    ],
    // System tests (`*.e2e.test.ts`) need the whole system; they run in `npm run test:e2e`.
    exclude: [...configDefaults.exclude, '**/*.e2e.test.ts'],
    globalSetup: ['tools/testing/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
