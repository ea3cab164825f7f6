import { describe, expect, it } from 'vitest';
import { writePullRequestSummary, writeSprintSummary } from './summary-text.js';

const period = { periodStart: '2025-10-15', periodEnd: '2025-10-21', tokens: 101_800 };

describe('writeSprintSummary', () => {
  it.each([
    [
      -0.069031,
      'pt-BR',
      'Queda de 6.9% no custo versus sprint anterior e 0.10 mi tokens no período 2025-10-15 – 2025-10-21.',
    ],
    [
      0.146199,
      'pt-BR',
      'Alta de 14.6% no custo versus sprint anterior e 0.10 mi tokens no período 2025-10-15 – 2025-10-21.',
    ],
    [
      0,
      'pt-BR',
      'Custo estável no período 2025-10-15 – 2025-10-21 com 0.10 mi tokens processados.',
    ],
    [
      -0.069031,
      'en',
      'Cost down 6.9% versus the previous sprint, with 0.10M tokens in the period 2025-10-15 – 2025-10-21.',
    ],
    [
      0.146199,
      'en',
      'Cost up 14.6% versus the previous sprint, with 0.10M tokens in the period 2025-10-15 – 2025-10-21.',
    ],
    [0, 'en', 'Stable cost in the period 2025-10-15 – 2025-10-21 with 0.10M tokens processed.'],
  ] as const)('states a change of %d in %s', (ratio, locale, text) => {
    expect(writeSprintSummary({ ...period, ratio }, locale)).toBe(text);
  });
});

describe('writePullRequestSummary', () => {
  const route = { route: 'default', providerName: 'GLM-4.6' };

  it.each([
    [
      0.146199,
      'pt-BR',
      'Alta de 14.6% no custo da rota default (GLM-4.6) em relação ao período anterior.',
    ],
    [
      -0.2,
      'pt-BR',
      'Queda de 20.0% no custo da rota default (GLM-4.6) frente ao período anterior.',
    ],
    [
      0,
      'pt-BR',
      'Custo estável para a rota default (GLM-4.6) quando comparado ao período anterior.',
    ],
    [0.146199, 'en', 'Cost of route default (GLM-4.6) up 14.6% versus the previous period.'],
    [-0.2, 'en', 'Cost of route default (GLM-4.6) down 20.0% versus the previous period.'],
    [0, 'en', 'Stable cost for route default (GLM-4.6) compared with the previous period.'],
  ] as const)('states a change of %d in %s', (ratio, locale, text) => {
    expect(writePullRequestSummary({ ...route, ratio }, locale)).toBe(text);
  });
});
