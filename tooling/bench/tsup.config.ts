import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/bench.ts', 'src/export-child.ts'],
  format: ['esm'],
  clean: true,
  target: 'node20',
  platform: 'node',
});
