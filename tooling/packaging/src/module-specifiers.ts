import { isBuiltin } from 'node:module';
import ts from 'typescript';

/**
 * The module specifiers a JavaScript or TypeScript text imports: static and dynamic `import`,
 * `export … from`, `require()` and `import x = require()`, in the order they appear. Read with
 * the TypeScript scanner, so specifiers inside comments and strings are not taken for imports.
 *
 * @example listModuleSpecifiers("import { z } from 'zod';") // ['zod']
 */
export function listModuleSpecifiers(text: string): string[] {
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return importedFiles.map((file) => file.fileName);
}

/** Whether a specifier names a package (`zod`, `@finops/store/src`) rather than a path. */
export function isBareSpecifier(specifier: string): boolean {
  return !specifier.startsWith('.') && !specifier.startsWith('/') && !isBuiltin(specifier);
}

/**
 * The package a bare specifier belongs to.
 *
 * @example packageNameOf('@finops/store/dist/index.js') // '@finops/store'
 * @example packageNameOf('pure-rand/distribution/uniformInt') // 'pure-rand'
 */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  const length = specifier.startsWith('@') ? 2 : 1;
  return parts.slice(0, length).join('/');
}

/** The packages a text imports by bare specifier, sorted and without duplicates. */
export function listImportedPackages(text: string): string[] {
  const names = listModuleSpecifiers(text).filter(isBareSpecifier).map(packageNameOf);
  return [...new Set(names)].sort();
}
