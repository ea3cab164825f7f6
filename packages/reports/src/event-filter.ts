import { lanes, type EventFilter, type Lane, type ReportSource } from '@finops/store';
import { z } from 'zod';
import { choiceField, instantField, textField, toReportError } from './query-fields.js';

/** Which events a report covers: instants are epoch milliseconds, both bounds inclusive. */
export interface FilterParams {
  start?: number;
  end?: number;
  providerId?: string;
  lane?: Lane;
  route?: string;
}

/** The zod fields every report and listing query shares, as query-string text. */
export const filterQueryShape = {
  start: instantField(),
  end: instantField(),
  provider_id: textField(128),
  lane: choiceField(lanes),
  route: textField(256),
};

type FilterQueryValues = z.output<z.ZodObject<typeof filterQueryShape>>;

/**
 * Checks the parsed filter fields together and renames them; `start` after `end` is an issue on
 * `start` carrying the `REPORT_INVALID_WINDOW` code.
 */
export function readFilterParams(values: FilterQueryValues, ctx: z.RefinementCtx): FilterParams {
  const { start, end } = values;
  if (start !== undefined && end !== undefined && start > end) {
    ctx.addIssue({
      code: 'custom',
      path: ['start'],
      message: 'expected start to be on or before end',
      params: { code: 'REPORT_INVALID_WINDOW' },
    });
  }

  const params: FilterParams = {};
  if (start !== undefined) params.start = start;
  if (end !== undefined) params.end = end;
  if (values.provider_id !== undefined) params.providerId = values.provider_id;
  if (values.lane !== undefined) params.lane = values.lane;
  if (values.route !== undefined) params.route = values.route;
  return params;
}

/** Schema of a bare filter query as text (`start`, `end`, `provider_id`, `lane`, `route`). */
export const filterQuerySchema = z.object(filterQueryShape).transform(readFilterParams);

/**
 * Reads the filter part of a query given as text (the export endpoints need nothing more);
 * unknown keys are ignored.
 *
 * @throws ReportError `REPORT_INVALID_PARAMETER` naming the parameter not accepted;
 * `REPORT_INVALID_WINDOW` naming `start` when it is after `end`.
 * @example parseFilterQuery({ provider_id: 'codex' }) // { providerId: 'codex' }
 */
export function parseFilterQuery(query: Record<string, string | undefined>): FilterParams {
  const parsed = filterQuerySchema.safeParse(query);
  if (parsed.success) return parsed.data;
  throw toReportError(parsed.error);
}

/**
 * Maps report parameters to the store's {@link EventFilter}: `provider_id` and `lane` become
 * `providerIds` (the lane's providers come from the source; both given → their intersection,
 * which may be empty and then matches nothing).
 *
 * @example await resolveEventFilter(store, { lane: 'turbo' }) // { providerIds: ['glm46'] }
 */
export async function resolveEventFilter(
  source: ReportSource,
  params: FilterParams,
): Promise<EventFilter> {
  const filter: EventFilter = {};
  if (params.start !== undefined) filter.start = params.start;
  if (params.end !== undefined) filter.end = params.end;
  if (params.route !== undefined) filter.route = params.route;

  if (params.lane !== undefined) {
    const inLane = await source.providersInLane(params.lane);
    const wanted = params.providerId;
    filter.providerIds = wanted === undefined ? inLane : inLane.filter((id) => id === wanted);
  } else if (params.providerId !== undefined) {
    filter.providerIds = [params.providerId];
  }

  return filter;
}
