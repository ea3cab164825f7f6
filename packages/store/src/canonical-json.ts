import { configure } from 'safe-stable-stringify';

const stringify = configure({ deterministic: true, bigint: true, circularValue: Error });

/**
 * JSON text with object keys sorted at every depth, so equal values always give equal text.
 *
 * @example canonicalJson({ b: 1, a: { d: 2, c: 3 } }) // '{"a":{"c":3,"d":2},"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return stringify(value) ?? 'null';
}
