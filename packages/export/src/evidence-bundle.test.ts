import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TelemetryStore } from '@finops/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openReferenceStore, runbookParams, runbookQuery } from './_reference-store.js';
import { collect } from './_test-events.js';
import { writeEvidenceBundle } from './evidence-bundle.js';
import { verifyEvidenceBundle } from './evidence-verify.js';
import { renderReportPage } from './report-page.js';

const options = { query: runbookQuery, toolVersion: '0.0.0' };

describe('evidence bundle with the report page', () => {
  let dir: string;
  let store: TelemetryStore;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'finops-evidence-'));
    store = await openReferenceStore();
  });

  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes telemetry_report.html after the runbook’s four files', async () => {
    const manifest = await writeEvidenceBundle(store, dir, options);

    expect(manifest.files.map((file) => file.name)).toEqual([
      'telemetry_finops_sprints.json',
      'telemetry_finops_pull_requests.json',
      'telemetry_export.csv',
      'telemetry_export.html',
      'telemetry_report.html',
    ]);
    expect(await readFile(join(dir, 'telemetry_report.html'), 'utf8')).toBe(
      await collect(renderReportPage(store, runbookParams)),
    );
  });

  it('verifies the page against the manifest and regenerates it from the store', async () => {
    await writeEvidenceBundle(store, dir, options);

    const result = await verifyEvidenceBundle(dir, store);

    expect(result.problems).toEqual([]);
    expect(result.checked).toContain('telemetry_report.html');
  });

  it('reports a changed page by digest and by regeneration', async () => {
    await writeEvidenceBundle(store, dir, options);
    const path = join(dir, 'telemetry_report.html');
    const page = await readFile(path, 'utf8');
    await writeFile(path, page.replace('151.45', '151.46'));

    const result = await verifyEvidenceBundle(dir, store);

    expect(result.ok).toBe(false);
    expect(result.problems.map((problem) => [problem.file, problem.problem])).toEqual([
      ['telemetry_report.html', 'sha256'],
      ['telemetry_report.html', 'regenerated'],
    ]);
    const offset = Buffer.byteLength(page.slice(0, page.indexOf('151.45') + 5));
    expect(result.problems[1]?.detail).toBe(
      `differs from the database's document at byte ${offset}`,
    );
  });
});
