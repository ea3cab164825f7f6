import { FormatError } from './errors.js';

/** The names of the formats this package imports, as `finops ingest --format` takes them. */
export const formatNames = [
  'otlp',
  'litellm',
  'claude-code',
  'langfuse',
  'openrouter',
  'helicone',
  'openai-usage',
  'anthropic-usage',
] as const;

/** One of {@link formatNames}. */
export type FormatName = (typeof formatNames)[number];

/** Whether a text is one of {@link formatNames}. */
export function isFormatName(value: unknown): value is FormatName {
  return typeof value === 'string' && (formatNames as readonly string[]).includes(value);
}

/**
 * Checks a format name given by a caller.
 *
 * @throws FormatError `FORMAT_UNKNOWN` naming the accepted names.
 * @example parseFormatName('otlp') // 'otlp'
 */
export function parseFormatName(value: string): FormatName {
  if (isFormatName(value)) return value;
  const expected = formatNames.join(', ');
  throw new FormatError(
    'FORMAT_UNKNOWN',
    `unknown format "${value}"; expected one of ${expected}`,
    {
      field: 'format',
    },
  );
}
