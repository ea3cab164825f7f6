import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReportSource } from '@finops/store';
import {
  createEvidenceContext,
  evidenceDocuments,
  fingerprintEvents,
} from './evidence-documents.js';
import { buildManifest } from './evidence-bundle.js';
import {
  MANIFEST_FILE,
  evidenceManifestSchema,
  type EvidenceManifest,
} from './evidence-manifest.js';
import { ExportError } from './export-error.js';

/** One thing wrong with a bundle. */
export interface EvidenceProblem {
  file: string;
  problem: 'missing' | 'unlisted' | 'size' | 'sha256' | 'regenerated' | 'events';
  detail: string;
}

/** Outcome of {@link verifyEvidenceBundle}. */
export interface EvidenceVerification {
  ok: boolean;
  manifest: EvidenceManifest;
  /** Files whose size and digest were checked. */
  checked: string[];
  problems: EvidenceProblem[];
}

/**
 * Checks every file of a bundle against its manifest (size and SHA-256) and, given the store
 * the bundle came from, regenerates every document and reports the first byte that differs.
 *
 * @throws ExportError `EXPORT_EVIDENCE_INVALID` when `manifest.json` is missing or malformed.
 */
export async function verifyEvidenceBundle(
  dir: string,
  source?: ReportSource,
): Promise<EvidenceVerification> {
  const manifest = await readManifest(dir);
  const problems: EvidenceProblem[] = [];

  for (const file of manifest.files) {
    const path = join(dir, file.name);
    const size = await stat(path).then(
      (s) => s.size,
      () => null,
    );
    if (size === null) {
      problems.push({
        file: file.name,
        problem: 'missing',
        detail: 'the file is not in the bundle',
      });
      continue;
    }
    if (size !== file.bytes)
      problems.push({
        file: file.name,
        problem: 'size',
        detail: `${size} bytes, manifest says ${file.bytes}`,
      });
    const digest = await hashFile(path);
    if (digest !== file.sha256)
      problems.push({
        file: file.name,
        problem: 'sha256',
        detail: `${digest}, manifest says ${file.sha256}`,
      });
  }

  const listed = new Set([MANIFEST_FILE, ...manifest.files.map((file) => file.name)]);
  for (const name of (await readdir(dir)).sort()) {
    if (!listed.has(name))
      problems.push({ file: name, problem: 'unlisted', detail: 'the file is not in the manifest' });
  }

  if (source) problems.push(...(await compareWithSource(dir, manifest, source)));
  return {
    ok: problems.length === 0,
    manifest,
    checked: manifest.files.map((file) => file.name),
    problems,
  };
}

async function compareWithSource(
  dir: string,
  manifest: EvidenceManifest,
  source: ReportSource,
): Promise<EvidenceProblem[]> {
  const context = await createEvidenceContext(source, manifest.parameters);
  const problems: EvidenceProblem[] = [];

  const fingerprint = await fingerprintEvents(source, context.filter);
  if (
    fingerprint.sha256 !== manifest.event_fingerprint ||
    fingerprint.count !== manifest.row_counts.events
  ) {
    problems.push({
      file: MANIFEST_FILE,
      problem: 'events',
      detail: `the database now holds ${fingerprint.count} matching events with another fingerprint (${fingerprint.sha256})`,
    });
  }

  // The manifest cannot hash itself: regenerate its own fields and compare them one by one.
  const expected = await buildManifest(context, manifest.files, manifest.tool_version);
  for (const field of ['parameters', 'window', 'row_counts', 'event_fingerprint'] as const) {
    if (JSON.stringify(expected[field]) !== JSON.stringify(manifest[field])) {
      problems.push({
        file: MANIFEST_FILE,
        problem: 'regenerated',
        detail: `${field} is ${JSON.stringify(manifest[field])}, the database gives ${JSON.stringify(expected[field])}`,
      });
    }
  }

  for (const document of evidenceDocuments) {
    const existing = await readFile(join(dir, document.fileName)).catch(() => null);
    if (existing === null) continue;
    const offset = await firstDifference(existing, document.render(context));
    if (offset !== null) {
      problems.push({
        file: document.fileName,
        problem: 'regenerated',
        detail: `differs from the database's document at byte ${offset}`,
      });
    }
  }
  return problems;
}

/** Offset of the first byte where the rendered chunks and `expected` differ, or null. */
async function firstDifference(
  expected: Buffer,
  chunks: AsyncIterable<string>,
): Promise<number | null> {
  let offset = 0;
  for await (const chunk of chunks) {
    const buffer = Buffer.from(chunk, 'utf8');
    if (buffer.equals(expected.subarray(offset, offset + buffer.length))) {
      offset += buffer.length;
      continue;
    }
    for (let index = 0; index < buffer.length; index += 1) {
      if (offset + index >= expected.length || expected[offset + index] !== buffer[index])
        return offset + index;
    }
    offset += buffer.length;
  }
  return offset === expected.length ? null : offset;
}

async function readManifest(dir: string): Promise<EvidenceManifest> {
  const path = join(dir, MANIFEST_FILE);
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, 'utf8'));
  } catch (cause) {
    throw new ExportError(
      'EXPORT_EVIDENCE_INVALID',
      `cannot read ${path}: ${(cause as Error).message}`,
      { parameter: 'dir', cause },
    );
  }
  const parsed = evidenceManifestSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ExportError(
      'EXPORT_EVIDENCE_INVALID',
      `${path} is not an evidence manifest: ${issue?.path.join('.')} ${issue?.message}`,
      {
        parameter: 'dir',
        cause: parsed.error,
      },
    );
  }
  return parsed.data;
}

function hashFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}
