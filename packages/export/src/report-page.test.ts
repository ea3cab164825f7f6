import {
  loadPullRequestReports,
  parseReportQuery,
  type PullRequestReport,
  type SprintReport,
  type TimeseriesPoint,
} from '@finops/reports';
import { ingestValue, openStore } from '@finops/store';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { attributeOf, byTag, descendants, elementsOf, parseHtml, textOf } from './_html-tree.js';
import { openReferenceStore, runbookParams, runbookQuery } from './_reference-store.js';
import { collect } from './_test-events.js';
import { loadReportPage, renderReportHtml, renderReportPage } from './report-page.js';

const SCRIPT = '<script>alert(1)</script>';
const ATTRIBUTE = '" onmouseover="x';

/** Every element and attribute the template writes; anything else came from data. */
const written: Record<string, readonly string[]> = {
  html: ['lang'],
  head: [],
  meta: ['charset', 'name', 'content'],
  title: ['id'],
  style: [],
  body: [],
  main: [],
  h1: [],
  h2: [],
  p: ['class'],
  span: ['class'],
  section: [],
  div: ['class'],
  table: [],
  thead: [],
  tbody: [],
  tr: [],
  th: ['scope', 'class'],
  td: ['class', 'colspan', 'lang'],
  figure: [],
  svg: ['class', 'role', 'aria-labelledby', 'viewBox'],
  desc: ['id'],
  g: ['class'],
  text: ['class', 'x', 'y', 'dx', 'dy'],
  line: ['class', 'x1', 'x2', 'y1', 'y2', 'stroke', 'stroke-width', 'stroke-dasharray'],
  polyline: ['points', 'fill', 'stroke', 'stroke-width', 'stroke-dasharray'],
  circle: ['cx', 'cy', 'r', 'fill'],
};

const sprint: SprintReport = {
  id: `sprint-${ATTRIBUTE}`,
  name: SCRIPT,
  period_start: '2025-10-15',
  period_end: '2025-10-21',
  total_cost_usd: 1234.5,
  total_tokens_in: 1000,
  total_tokens_out: 2000,
  avg_latency_ms: 12.5,
  success_rate: 0.5,
  cost_delta: 0.146199,
  status: 'regression',
  summary: `${SCRIPT}${ATTRIBUTE}`,
  run_count: 2,
  previous_cost_usd: 1076.95,
  unpriced_events: 1,
};

const pullRequest: PullRequestReport = {
  id: `${SCRIPT}:${ATTRIBUTE}`,
  provider_id: SCRIPT,
  provider_name: SCRIPT,
  route: ATTRIBUTE,
  lane: 'balanced',
  title: `${SCRIPT} · ${ATTRIBUTE}`,
  owner: ATTRIBUTE,
  merged_at: null,
  cost_impact_usd: 0,
  cost_delta: 0,
  tokens_impact: -5,
  status: 'attention',
  summary: SCRIPT,
  previous_cost_usd: null,
  cost_change_usd: 0.1,
  unpriced_events: 0,
};

function point(day: string, providerId: string, costUsd: number, unpriced = 0): TimeseriesPoint {
  return {
    day,
    provider_id: providerId,
    run_count: 1,
    tokens_in: 10,
    tokens_out: 20,
    cost_usd: costUsd,
    avg_latency_ms: 5,
    success_count: 1,
    unpriced_events: unpriced,
  };
}

const hostile = {
  params: runbookParams,
  sprints: [sprint],
  pullRequests: [pullRequest],
  points: [point('2025-10-20', SCRIPT, 2, 1), point('2025-10-21', ATTRIBUTE, 4)],
};

function expectOnlyTemplateMarkup(html: string): void {
  const document = parseHtml(html);
  for (const element of elementsOf(document)) {
    expect(Object.keys(written)).toContain(element.tagName);
    const allowed = written[element.tagName];
    for (const attribute of element.attrs) expect(allowed).toContain(attribute.name);
  }
  const kinds = [...new Set(descendants(document).map((node) => node.nodeName))];
  expect(kinds.filter((kind) => kind.startsWith('#')).sort()).toEqual(['#documentType', '#text']);
}

describe('renderReportHtml', () => {
  it('writes no element or attribute the template did not write, whatever the data holds', () => {
    const html = renderReportHtml(hostile);

    expectOnlyTemplateMarkup(html);
    expect(html).not.toContain('<script');
    expect(html).not.toContain(ATTRIBUTE);
  });

  it('keeps hostile text as text: ids, routes, owners, summaries and legend entries', () => {
    const document = parseHtml(renderReportHtml(hostile));
    const [sprints, pullRequests] = byTag(document, 'table');
    const sprintCells = byTag(sprints!, 'td').map(textOf);
    const prCells = byTag(pullRequests!, 'td').map(textOf);
    const legend = byTag(document, 'g').find((g) => attributeOf(g, 'class') === 'legend');

    expect(sprintCells[0]).toBe(`sprint-${ATTRIBUTE}`);
    expect(sprintCells[10]).toBe(`${SCRIPT}${ATTRIBUTE}`);
    const routeCell = `${SCRIPT} · ${ATTRIBUTE}${SCRIPT}:${ATTRIBUTE}`;
    expect(prCells.slice(0, 3)).toEqual([routeCell, 'balanced', ATTRIBUTE]);
    expect(byTag(legend!, 'text').map(textOf)).toEqual([ATTRIBUTE, SCRIPT]);
  });

  it('formats the cells: grouped USD, signed change, dashes for what has no previous value', () => {
    const html = renderReportHtml(hostile);

    expect(html).toContain(
      '<td class="num">1,234.50</td><td class="num">1,076.95</td><td class="num">+14.6%</td>\n' +
        '<td class="num">1,000 &#x2F; 2,000</td><td class="num">12.5</td>' +
        '<td class="num">50.0%</td>\n' +
        '<td><span class="badge badge-regression">regression</span></td>\n',
    );
    expect(html).toContain(
      '<td class="nowrap">—</td><td class="num">0.10</td><td class="num">—</td>\n' +
        '<td class="num">—</td><td class="num">0.00</td><td class="num">−5</td>\n' +
        '<td><span class="badge badge-attention">attention</span></td></tr>\n',
    );
  });

  it('notes unpriced events only when there are some', () => {
    const withUnpriced = renderReportHtml(hostile);
    const priced = renderReportHtml({ ...hostile, points: [point('2025-10-21', 'codex', 4)] });

    expect(withUnpriced).toContain(
      '<p class="note">1 event has no reported cost and no price: tokens and runs count them, ' +
        'cost totals leave them out.</p>',
    );
    expect(priced).not.toContain('class="note"');
  });

  it('marks pt-BR summaries with their language', () => {
    const html = renderReportHtml(hostile);

    expect(html).toContain('<td class="summary" lang="pt-BR">');
  });
});

describe('renderReportPage', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes the runbook window’s parameters, sprints and pull requests', async () => {
    const store = await openReferenceStore();
    const html = await collect(renderReportPage(store, runbookParams));

    expect(html).toContain(
      '<p class="parameters">Parameters: <span>start 2025-10-08T00:00:00Z; ' +
        'end 2025-10-21T23:59:59Z; window_days 7; limit 4; locale pt-BR; ' +
        'attention_threshold 0.03; regression_threshold 0.08</span></p>\n' +
        '<p class="coverage">42 events of 3 providers on UTC days 2025-10-08 – 2025-10-21, ' +
        'costing 314.13 USD in all.</p>\n',
    );
    expect(html).toContain(
      '<tr><td class="nowrap">sprint-2025-43-1</td>' +
        '<td class="nowrap">2025-10-15 – 2025-10-21</td><td class="num">21</td>\n' +
        '<td class="num">151.45</td><td class="num">162.68</td><td class="num">−6.9%</td>\n' +
        '<td class="num">72,120 &#x2F; 29,680</td><td class="num">935.476</td>' +
        '<td class="num">90.5%</td>\n' +
        '<td><span class="badge badge-on_track">on_track</span></td>\n',
    );
    expect(html).toContain(
      '<tr><td>GLM-4.6 · default<span class="sub">glm46:default</span></td>' +
        '<td>turbo</td><td>atlas</td>\n' +
        '<td class="nowrap">2025-10-21T14:00:00Z</td><td class="num">58.80</td>' +
        '<td class="num">51.30</td>\n' +
        '<td class="num">+14.6%</td><td class="num">7.50</td><td class="num">+2,060</td>\n' +
        '<td><span class="badge badge-regression">regression</span></td></tr>\n',
    );
    expect(html).not.toContain('class="note"');
    expectOnlyTemplateMarkup(html);
  });

  it('takes the pull requests of the newest sprint against the window before it', async () => {
    const store = await openReferenceStore();
    const newestSprint = parseReportQuery({ ...runbookQuery, start: '2025-10-15T00:00:00Z' });

    const page = await loadReportPage(store, runbookParams);

    expect(page.pullRequests).toEqual(await loadPullRequestReports(store, newestSprint));
    expect(page.pullRequests.map((report) => [report.id, report.status])).toEqual([
      ['glm46:default', 'regression'],
      ['gemini:balanced', 'on_track'],
      ['codex:economy', 'on_track'],
    ]);
  });

  it('gives identical bytes on two renders, at different times', async () => {
    const store = await openReferenceStore();

    const first = await collect(renderReportPage(store, runbookParams));
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.UTC(2031, 0, 1));
    const second = await collect(renderReportPage(store, runbookParams));

    expect(second).toBe(first);
  });

  it('escapes hostile provider ids and routes read from the store', async () => {
    const store = openStore(':memory:');
    const events = [SCRIPT, ATTRIBUTE].map((text, index) => ({
      ts: `2025-10-2${index}T10:00:00Z`,
      provider_id: text,
      tool: text,
      route: text,
      tokens_in: 10,
      tokens_out: 5,
      cost_estimated_usd: index === 0 ? null : 1.5,
      metadata: { consumer: text },
    }));
    await ingestValue(store, events);

    const html = await collect(renderReportPage(store, parseReportQuery({})));

    expectOnlyTemplateMarkup(html);
    expect(html).not.toContain('<script');
    expect(html).toContain('<p class="note">1 event has no reported cost and no price');
    const escaped = '&lt;script&gt;alert(1)&lt;&#x2F;script&gt;';
    const routeCell = `<td>${escaped} · ${escaped}<span class="sub">${escaped}:${escaped}</span>`;
    expect(html).toContain(routeCell);
  });

  it('shows a placeholder for every part when the store is empty', async () => {
    const html = await collect(renderReportPage(openStore(':memory:'), parseReportQuery({})));

    const empty = (columns: number, text: string) =>
      `<tr><td class="empty" colspan="${columns}">${text}</td></tr>`;
    expect(html).toContain(empty(11, 'No sprint reports for these parameters.'));
    expect(html).toContain(empty(10, 'No pull-request reports for these parameters.'));
    expect(html).toContain(
      '<figure>\n<p class="coverage">No events for these parameters.</p>\n</figure>',
    );
    expect(html).not.toContain('<svg');
    expectOnlyTemplateMarkup(html);
  });
});
