import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: keep heavy suites (tfjs, onnxruntime, PostgreSQL) from starving each other.
    pool: 'forks',
    maxWorkers: 2,
  },
});
