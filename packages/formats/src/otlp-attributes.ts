import { isRecord } from './loose-values.js';

/** Attributes of an OTLP span or resource by key, with OTLP `AnyValue`s unwrapped. */
export type OtlpAttributes = ReadonlyMap<string, unknown>;

/**
 * Reads an OTLP/JSON attribute list (`[{ key, value: { stringValue | intValue | … } }]`).
 * `intValue` stays as written — a decimal text in OTLP/JSON, a number from some exporters — for
 * the count readers to check; unknown value kinds are ignored, as OTLP asks.
 */
export function readAttributes(list: unknown): OtlpAttributes {
  const attributes = new Map<string, unknown>();
  if (!Array.isArray(list)) return attributes;
  for (const entry of list) {
    if (!isRecord(entry) || typeof entry['key'] !== 'string') continue;
    const value = unwrapAnyValue(entry['value']);
    if (value !== undefined) attributes.set(entry['key'], value);
  }
  return attributes;
}

/** The first attribute of `keys` that holds a value. */
export function pickAttribute(attributes: OtlpAttributes, keys: readonly string[]): unknown {
  for (const key of keys) {
    const value = attributes.get(key);
    if (value !== undefined && value !== null && value !== '') return value;
  }
  return undefined;
}

/**
 * A trace or span id as lower-case hex. OTLP/JSON writes ids as hex, but a generic protojson
 * encoder writes base64: those are decoded, so both spellings name the same span.
 */
export function readSpanId(value: unknown, bytes: 8 | 16): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  if (/^[0-9a-fA-F]+$/.test(value) && value.length === bytes * 2) return value.toLowerCase();
  const decoded = Buffer.from(value, 'base64');
  return decoded.length === bytes ? decoded.toString('hex') : value;
}

function unwrapAnyValue(value: unknown): unknown {
  if (!isRecord(value)) return undefined;
  if ('stringValue' in value) return value['stringValue'];
  if ('intValue' in value) return value['intValue'];
  if ('doubleValue' in value) return value['doubleValue'];
  if ('boolValue' in value) return value['boolValue'];
  if ('arrayValue' in value) {
    const values = isRecord(value['arrayValue']) ? value['arrayValue']['values'] : undefined;
    return Array.isArray(values) ? values.map(unwrapAnyValue) : [];
  }
  if ('kvlistValue' in value) {
    const values = isRecord(value['kvlistValue']) ? value['kvlistValue']['values'] : undefined;
    return Object.fromEntries(readAttributes(values));
  }
  return undefined;
}
