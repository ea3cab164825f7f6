import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Tests run against each sibling's `src`, so no build is needed to test a package. */
export function defineFinopsProject(name: string) {
  return defineProject({
    resolve: {
      alias: [
        {
          find: /^@finops\/(fixtures|store|reports|export|formats)$/,
          replacement: `${root}packages/$1/src/index.ts`,
        },
      ],
    },
    test: { name, include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
  });
}
