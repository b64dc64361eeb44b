import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['sauda-source'] },
  ssr: { resolve: { conditions: ['sauda-source'], externalConditions: ['sauda-source'] } },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'services/*/src/**/*.test.ts',
      'tools/**/*.test.ts',
      'apps/web/src/**/*.test.ts',
    ],
    globalSetup: ['tools/testing/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
