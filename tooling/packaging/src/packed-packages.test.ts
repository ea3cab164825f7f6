import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Package } from '@arethetypeswrong/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listModuleSpecifiers } from './module-specifiers.js';
import { packPackages, type PackedPackage } from './pack-packages.js';
import { listDependencyProblems } from './packed-dependencies.js';
import { listPublintProblems } from './publint-problems.js';
import { listTypeResolutionProblems, readTarball } from './type-resolution-problems.js';
import { readPublishablePackages } from './workspace.js';

const publishable = [
  '@finops/export',
  '@finops/fixtures',
  '@finops/formats',
  '@finops/reports',
  '@finops/store',
];
const entryFiles = ['dist/index.cjs', 'dist/index.d.cts', 'dist/index.d.ts', 'dist/index.js'];
const packedFile = /^(package\.json|README\.md|CHANGELOG\.md|LICENSE(\.md)?|dist\/.+)$/;

// Packing takes a few seconds and a check under a second, but `pnpm test` runs every project at
// once on two cores: room for that, still far below the consumer test.
const PACK_TIMEOUT_MS = 120_000;
const CHECK_TIMEOUT_MS = 30_000;

describe('packed packages', { timeout: CHECK_TIMEOUT_MS }, () => {
  let destination: string;
  const packed = new Map<string, { packed: PackedPackage; tarball: Package }>();

  beforeAll(async () => {
    destination = await mkdtemp(join(tmpdir(), 'finops-pack-'));
    for (const pkg of await packPackages(await readPublishablePackages(), destination)) {
      packed.set(pkg.manifest.name, { packed: pkg, tarball: await readTarball(pkg.tarball) });
    }
  }, PACK_TIMEOUT_MS);

  afterAll(async () => {
    await rm(destination, { recursive: true, force: true });
  });

  function packedOf(name: string) {
    const found = packed.get(name);
    if (found === undefined) throw new Error(`${name} was not packed`);
    return found;
  }

  it('packs exactly the five publishable packages', () => {
    expect([...packed.keys()].sort()).toEqual(publishable);
  });

  it.each(publishable)('%s ships its README, its builds and types, and nothing else', (name) => {
    const { files } = packedOf(name).packed;

    expect(files.filter((file) => !packedFile.test(file))).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['README.md', 'package.json', ...entryFiles]));
  });

  it.each(publishable)('%s has no publint message', async (name) => {
    expect(await listPublintProblems(packedOf(name).packed.tarball)).toEqual([]);
  });

  it.each(publishable)('%s has no "are the types wrong" problem', async (name) => {
    expect(await listTypeResolutionProblems(packedOf(name).tarball)).toEqual([]);
  });

  it.each(publishable)('%s imports exactly the dependencies it declares', async (name) => {
    const { packed: pkg, tarball } = packedOf(name);

    expect(await listDependencyProblems(tarball, pkg.dir)).toEqual([]);
  });

  it('leaves better-sqlite3 to be installed rather than bundling it into the store', () => {
    const { tarball } = packedOf('@finops/store');
    const read = (file: string) => tarball.readFile(`/node_modules/@finops/store/${file}`);

    expect(listModuleSpecifiers(read('dist/index.js'))).toContain('better-sqlite3');
    expect(listModuleSpecifiers(read('dist/index.cjs'))).toContain('better-sqlite3');
    expect(JSON.parse(read('package.json')).dependencies).toMatchObject({
      'better-sqlite3': expect.stringMatching(/^\^12\./),
      '@types/better-sqlite3': expect.any(String),
    });
  });
});
