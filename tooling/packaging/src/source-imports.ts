import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { listModuleSpecifiers } from './module-specifiers.js';
import { workspaceRoot, type WorkspacePackage } from './workspace.js';

/** One import statement (or `require`, or dynamic `import()`) in a package's sources. */
export interface SourceImport {
  /** The importing package's name. */
  from: string;
  /** Absolute path of the importing file. */
  file: string;
  /** The specifier as written. */
  specifier: string;
  /** Whether the importing file is a test, which may use dev dependencies. */
  isTest: boolean;
}

const SOURCE_FILE = /\.(c|m)?(t|j)sx?$/;
const TEST_FILE = /\.test\.(c|m)?(t|j)sx?$/;

/**
 * Every import in the `src` folder of each package, in file order.
 *
 * @example await readSourceImports(await readWorkspacePackages(['packages', 'apps']))
 */
export async function readSourceImports(
  packages: readonly WorkspacePackage[],
): Promise<SourceImport[]> {
  const found: SourceImport[] = [];
  for (const pkg of packages) {
    for (const file of await listSourceFiles(join(pkg.dir, 'src'))) {
      const text = await readFile(file, 'utf8');
      const isTest = TEST_FILE.test(file);
      for (const specifier of listModuleSpecifiers(text)) {
        found.push({ from: pkg.manifest.name, file, specifier, isTest });
      }
    }
  }

  return found;
}

/** A source file's path relative to the repository root, for messages. */
export function describeFile(file: string): string {
  return relative(workspaceRoot, file).split('\\').join('/');
}

async function listSourceFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir, { recursive: true });
  return names
    .filter((name) => SOURCE_FILE.test(name) && !name.endsWith('.d.ts'))
    .map((name) => join(dir, name))
    .sort();
}
