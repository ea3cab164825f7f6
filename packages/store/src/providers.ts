import { z } from 'zod';
import { StoreError } from './errors.js';

/** Cost lanes a provider belongs to. */
export const lanes = ['economy', 'balanced', 'turbo'] as const;
/** One of {@link lanes}. */
export type Lane = (typeof lanes)[number];
/** Schema of a lane name, for validating `lane` parameters. */
export const laneSchema = z.enum(lanes);

/** A provider as reports show it. */
export interface Provider {
  id: string;
  name: string;
  lane: Lane;
}

/** Schema of a providers manifest file: `{"providers": [{"id", "name", "lane"?}]}`. */
export const providersManifestSchema = z.object({
  providers: z.array(
    z.object({
      id: z.string().min(1).max(128),
      name: z.string().min(1),
      lane: laneSchema.optional(),
    }),
  ),
});
/** A parsed providers manifest; see {@link providersManifestSchema}. */
export type ProvidersManifest = z.infer<typeof providersManifestSchema>;

/** The built-in manifest used when none is given. */
export const defaultProvidersManifest: ProvidersManifest = {
  providers: [
    { id: 'gemini', name: 'Gemini MCP' },
    { id: 'codex', name: 'Codex CLI' },
    { id: 'glm46', name: 'GLM-4.6' },
    { id: 'claude', name: 'Claude MCP' },
  ],
};

/**
 * The replaced system's lane for a provider listed without one: a 31-multiplier string hash
 * of `"<id>-lane"` over UTF-16 code units, modulo 100.
 *
 * @example deriveLane('glm46') // 'turbo'
 */
export function deriveLane(providerId: string): Lane {
  const text = `${providerId}-lane`;
  let hash = 0;
  for (let index = 0; index < text.length; index += 1) {
    hash = (Math.imul(31, hash) + text.charCodeAt(index)) >>> 0;
  }
  const bucket = hash % 100;
  if (bucket < 35) return 'economy';
  if (bucket < 82) return 'balanced';
  return 'turbo';
}

/** Resolves provider ids to names and lanes. */
export interface ProviderDirectory {
  /** Every provider the manifest lists. */
  readonly listed: readonly Provider[];
  /** Name and lane of any id; unknown ids get their id as name and lane `balanced`. */
  resolve(providerId: string): Provider;
}

/**
 * Builds a directory from a manifest (the built-in one by default).
 *
 * @throws StoreError `STORE_INVALID_MANIFEST` when the manifest does not match the schema.
 */
export function createProviderDirectory(
  manifest: unknown = defaultProvidersManifest,
): ProviderDirectory {
  const parsed = providersManifestSchema.safeParse(manifest);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'providers';
    const reason = issue?.message ?? 'is invalid';
    throw new StoreError(
      'STORE_INVALID_MANIFEST',
      `invalid providers manifest at ${field}: ${reason}`,
      {
        field,
        cause: parsed.error,
      },
    );
  }

  const byId = new Map<string, Provider>();
  for (const entry of parsed.data.providers) {
    byId.set(entry.id, {
      id: entry.id,
      name: entry.name,
      lane: entry.lane ?? deriveLane(entry.id),
    });
  }

  return {
    listed: [...byId.values()],
    resolve: (providerId) =>
      byId.get(providerId) ?? { id: providerId, name: providerId, lane: 'balanced' },
  };
}
