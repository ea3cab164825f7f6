import { z } from 'zod';

/** Schema of an {@link IngestResult} as the API answers it. */
export const ingestResultSchema = z.object({
  inserted: z.number().int().meta({ description: 'events stored for the first time' }),
  duplicates: z.number().int().meta({ description: 'events already stored (same identity)' }),
  rejected: z.number().int().meta({ description: 'lines or elements refused' }),
  rejections: z.array(
    z.object({
      source: z.string(),
      line: z
        .number()
        .int()
        .meta({ description: 'JSONL line, or element position in a JSON document' }),
      field: z.string().nullable(),
      reason: z.string(),
      raw: z.string(),
    }),
  ),
});
