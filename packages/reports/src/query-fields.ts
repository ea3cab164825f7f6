import { parseInstant } from '@finops/store';
import { z } from 'zod';
import { ReportError, type ReportErrorCode } from './errors.js';

// Builders of the zod fields that read query values. Query strings and CLI flags hand over text,
// so each field takes a string (or nothing) and yields the typed value; any other text is an issue.

const INTEGER = /^\d+$/;
const DECIMAL = /^\d+(?:\.\d+)?$/;

/** An ISO 8601 instant read with the store's parser; yields epoch milliseconds. */
export function instantField() {
  return z
    .string()
    .meta({ description: 'ISO 8601 instant; no offset means UTC', example: '2025-10-21T23:59:59Z' })
    .optional()
    .transform((text, ctx) => {
      if (text === undefined) return undefined;

      const read = parseInstant(text);
      if (read.ok) return read.ms;
      ctx.addIssue({ code: 'custom', message: read.reason });
      return z.NEVER;
    });
}

/** A whole number from `min` to `max`, `fallback` when absent. */
export function integerField(min: number, max: number, fallback: number) {
  return z
    .string()
    .meta({
      description: `whole number from ${min} to ${max}`,
      pattern: '^\\d+$',
      default: String(fallback),
    })
    .optional()
    .transform((text, ctx) => {
      if (text === undefined) return fallback;

      const value = INTEGER.test(text) ? Number(text) : Number.NaN;
      if (value >= min && value <= max) return value;
      const expected = `expected an integer from ${min} to ${max} (for example ${fallback})`;
      ctx.addIssue({ code: 'custom', message: `${expected}, received ${quote(text)}` });
      return z.NEVER;
    });
}

/** A non-negative decimal number such as `0.05`; absent stays undefined. */
export function decimalField() {
  return z
    .string()
    .meta({ description: 'decimal ratio', pattern: DECIMAL.source, example: '0.05' })
    .optional()
    .transform((text, ctx) => {
      if (text === undefined) return undefined;

      if (DECIMAL.test(text)) return Number(text);
      const expected = 'expected a non-negative decimal ratio such as 0.05';
      ctx.addIssue({ code: 'custom', message: `${expected}, received ${quote(text)}` });
      return z.NEVER;
    });
}

/** One of a closed list of words, `fallback` when absent. */
export function choiceField<const T extends string>(choices: readonly T[], fallback?: T) {
  return z
    .string()
    .meta({ enum: [...choices], ...(fallback === undefined ? {} : { default: fallback }) })
    .optional()
    .transform((text, ctx) => {
      if (text === undefined) return fallback;

      const match = choices.find((choice) => choice === text);
      if (match !== undefined) return match;
      const expected = `expected one of ${choices.join(', ')}`;
      ctx.addIssue({ code: 'custom', message: `${expected}, received ${quote(text)}` });
      return z.NEVER;
    });
}

/** Free text of 1 to `max` characters (a provider id, a route). */
export function textField(max: number) {
  return z
    .string()
    .meta({ minLength: 1, maxLength: max })
    .optional()
    .transform((text, ctx) => {
      if (text === undefined) return undefined;

      if (text.length >= 1 && text.length <= max) return text;
      const expected = `expected text of 1 to ${max} characters`;
      ctx.addIssue({ code: 'custom', message: `${expected}, received ${quote(text)}` });
      return z.NEVER;
    });
}

/** Converts the first issue of a failed query parse to a {@link ReportError} naming its key. */
export function toReportError(error: z.ZodError): ReportError {
  const issue = error.issues[0];
  const parameter = issue?.path[0] === undefined ? 'query' : String(issue.path[0]);
  const custom =
    issue?.code === 'custom' ? (issue.params?.code as ReportErrorCode | undefined) : undefined;
  const message = `invalid ${parameter}: ${issue?.message ?? 'unreadable query'}`;
  return new ReportError(custom ?? 'REPORT_INVALID_PARAMETER', message, {
    parameter,
    cause: error,
  });
}

/** Quotes received text for a message, cut short so a long value cannot flood it. */
export function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}
