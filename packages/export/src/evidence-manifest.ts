import { z } from 'zod';

/** Size and digest of one file of a bundle. */
export const evidenceFileSchema = z.object({
  name: z.string().min(1),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type EvidenceFile = z.infer<typeof evidenceFileSchema>;

/**
 * `manifest.json` of an evidence bundle. It holds no creation time, so the same data and
 * parameters always give the same bytes.
 */
export const evidenceManifestSchema = z.object({
  tool: z.literal('finops'),
  tool_version: z.string(),
  /** The report query as text, exactly what regenerating the bundle needs. */
  parameters: z.record(z.string(), z.string()),
  /** The instants of the first and last exported event, null without events. */
  window: z.object({ first_event: z.string().nullable(), last_event: z.string().nullable() }),
  row_counts: z.object({
    events: z.number().int().nonnegative(),
    sprint_reports: z.number().int().nonnegative(),
    pull_request_reports: z.number().int().nonnegative(),
  }),
  /** SHA-256 over the exported events' content (provenance excluded). */
  event_fingerprint: z.string(),
  files: z.array(evidenceFileSchema),
});
export type EvidenceManifest = z.infer<typeof evidenceManifestSchema>;

export const MANIFEST_FILE = 'manifest.json';
