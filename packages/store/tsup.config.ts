import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base';

// The ingest worker is its own file in dist/, found next to the package's entry point; the
// CommonJS build gets an `import.meta.url` shim to find it.
export default defineConfig({
  ...packageBuild,
  entry: ['src/index.ts', 'src/ingest-worker.ts'],
  shims: true,
});
