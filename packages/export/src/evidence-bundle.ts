import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeParameters } from './report-parameters.js';
import { loadPullRequestReports, loadSprintReports } from '@finops/reports';
import { formatInstant, type ReportSource } from '@finops/store';
import {
  createEvidenceContext,
  evidenceDocuments,
  fingerprintEvents,
  type EvidenceContext,
} from './evidence-documents.js';
import { MANIFEST_FILE, type EvidenceFile, type EvidenceManifest } from './evidence-manifest.js';
import { ExportError } from './export-error.js';

/** Options of {@link writeEvidenceBundle}. */
export interface WriteEvidenceOptions {
  /** The report query as text (`start`, `end`, `window_days`…), as the API and CLI take it. */
  query?: Record<string, string | undefined>;
  /** Version of the tool writing the bundle, recorded in the manifest. */
  toolVersion: string;
}

/**
 * Writes an evidence bundle into `dir` (created when missing): the sprint and pull-request
 * report documents, the CSV and HTML exports, and `manifest.json` with the parameters, the
 * window covered, row counts, a fingerprint of the event set and each file's size and SHA-256.
 * The same data and parameters always give the same bytes.
 *
 * @throws ReportError for a bad query parameter; ExportError `EXPORT_WRITE_FAILED` when a file
 *   cannot be written.
 */
export async function writeEvidenceBundle(
  source: ReportSource,
  dir: string,
  options: WriteEvidenceOptions,
): Promise<EvidenceManifest> {
  const context = await createEvidenceContext(source, options.query ?? {});
  try {
    await mkdir(dir, { recursive: true });
    const files: EvidenceFile[] = [];
    for (const document of evidenceDocuments) {
      files.push(
        await writeDocument(
          join(dir, document.fileName),
          document.fileName,
          document.render(context),
        ),
      );
    }

    const manifest = await buildManifest(context, files, options.toolVersion);
    await writeFile(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  } catch (cause) {
    if (cause instanceof ExportError || !isFileError(cause)) throw cause;
    throw new ExportError(
      'EXPORT_WRITE_FAILED',
      `cannot write the evidence bundle in ${dir}: ${cause.message}`,
      {
        parameter: 'out',
        cause,
      },
    );
  }
}

/** Computes the manifest of a bundle whose files have been written. */
export async function buildManifest(
  context: EvidenceContext,
  files: EvidenceFile[],
  toolVersion: string,
): Promise<EvidenceManifest> {
  const { source, params, filter } = context;
  const fingerprint = await fingerprintEvents(source, filter);
  const sprints = await loadSprintReports(source, params);
  const pullRequests = await loadPullRequestReports(source, params);

  return {
    tool: 'finops',
    tool_version: toolVersion,
    parameters: describeParameters(params),
    window: {
      first_event: fingerprint.first === null ? null : formatInstant(fingerprint.first),
      last_event: fingerprint.last === null ? null : formatInstant(fingerprint.last),
    },
    row_counts: {
      events: fingerprint.count,
      sprint_reports: sprints.length,
      pull_request_reports: pullRequests.length,
    },
    event_fingerprint: fingerprint.sha256,
    files,
  };
}

async function writeDocument(
  path: string,
  name: string,
  chunks: AsyncIterable<string>,
): Promise<EvidenceFile> {
  const hash = createHash('sha256');
  const out = createWriteStream(path);
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  let bytes = 0;

  for await (const chunk of chunks) {
    const buffer = Buffer.from(chunk, 'utf8');
    hash.update(buffer);
    bytes += buffer.length;
    if (!out.write(buffer))
      await Promise.race([
        new Promise((resolve) => out.once('drain', () => resolve(undefined))),
        failed,
      ]);
  }
  await Promise.race([new Promise<void>((resolve) => out.end(() => resolve())), failed]);

  return { name, bytes, sha256: hash.digest('hex') };
}

function isFileError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}
