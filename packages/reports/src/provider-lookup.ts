import type { Provider } from '@finops/store';

/**
 * A provider's name and lane from a list; an unknown id gets its id as name and lane `balanced`.
 *
 * @example resolveProvider([], 'mistral') // { id: 'mistral', name: 'mistral', lane: 'balanced' }
 */
export function resolveProvider(providers: readonly Provider[], providerId: string): Provider {
  return (
    providers.find((provider) => provider.id === providerId) ?? {
      id: providerId,
      name: providerId,
      lane: 'balanced',
    }
  );
}
