import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'tooling/*'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // The JSON report gives .ci/run the totals of the whole run.
    reporters: ['default', ['json', { outputFile: 'test-output/vitest.json' }]],
  },
});
