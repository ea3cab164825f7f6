import type { Options } from 'tsup';

/** Build settings every publishable package shares: ESM and CommonJS, types, no bundled deps. */
export const packageBuild: Options = {
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  platform: 'node',
  splitting: false,
  shims: false,
};
