import { formatMillionTokens, formatPercent } from './format.js';
import type { Locale } from './report-params.js';

/** Facts a sprint summary states. */
export interface SprintSummaryFacts {
  /** Cost change ratio versus the previous sprint, rounded to 6 decimals. */
  ratio: number;
  /** Tokens in plus tokens out of the sprint. */
  tokens: number;
  periodStart: string;
  periodEnd: string;
}

/** Facts a pull-request summary states. */
export interface PullRequestSummaryFacts {
  ratio: number;
  /** The route, or `default` for events without one. */
  route: string;
  providerName: string;
}

/**
 * The one-line sprint summary: the exact pt-BR sentences of the spec, or plain English for `en`.
 *
 * @example writeSprintSummary({ ratio: 0, tokens: 110_000, periodStart: '2025-10-08',
 *   periodEnd: '2025-10-14' }, 'en')
 * // 'Stable cost in the period 2025-10-08 – 2025-10-14 with 0.11M tokens processed.'
 */
export function writeSprintSummary(facts: SprintSummaryFacts, locale: Locale): string {
  const period = `${facts.periodStart} – ${facts.periodEnd}`;
  const tokens = formatMillionTokens(facts.tokens);
  const pct = formatPercent(facts.ratio);

  if (locale === 'en') {
    if (facts.ratio === 0) {
      return `Stable cost in the period ${period} with ${tokens}M tokens processed.`;
    }
    const change = `Cost ${facts.ratio > 0 ? 'up' : 'down'} ${pct} versus the previous sprint`;
    return `${change}, with ${tokens}M tokens in the period ${period}.`;
  }

  if (facts.ratio === 0) {
    return `Custo estável no período ${period} com ${tokens} mi tokens processados.`;
  }
  const change = `${facts.ratio > 0 ? 'Alta' : 'Queda'} de ${pct} no custo versus sprint anterior`;
  return `${change} e ${tokens} mi tokens no período ${period}.`;
}

/**
 * The one-line pull-request summary: the exact pt-BR sentences of the spec, or plain English.
 *
 * @example writePullRequestSummary({ ratio: 0.146199, route: 'default',
 *   providerName: 'GLM-4.6' }, 'pt-BR')
 * // 'Alta de 14.6% no custo da rota default (GLM-4.6) em relação ao período anterior.'
 */
export function writePullRequestSummary(facts: PullRequestSummaryFacts, locale: Locale): string {
  const subject = `${facts.route} (${facts.providerName})`;
  const pct = formatPercent(facts.ratio);

  if (locale === 'en') {
    if (facts.ratio === 0) {
      return `Stable cost for route ${subject} compared with the previous period.`;
    }
    const trend = facts.ratio > 0 ? 'up' : 'down';
    return `Cost of route ${subject} ${trend} ${pct} versus the previous period.`;
  }

  if (facts.ratio === 0) {
    return `Custo estável para a rota ${subject} quando comparado ao período anterior.`;
  }
  if (facts.ratio > 0) {
    return `Alta de ${pct} no custo da rota ${subject} em relação ao período anterior.`;
  }
  return `Queda de ${pct} no custo da rota ${subject} frente ao período anterior.`;
}
