import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { describe, expect, it } from 'vitest';
import { collect, eventsOf, sampleEvents } from './_test-events.js';
import { isExportError } from './export-error.js';
import { exportColumns, toExportRow } from './export-row.js';
import { renderHtml } from './html-document.js';

type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.Document;
type Element = DefaultTreeAdapterTypes.Element;

/** Every element and attribute the template writes; anything else came from data. */
const written: Record<string, readonly string[]> = {
  html: ['lang'],
  head: [],
  meta: ['charset', 'name', 'content'],
  title: [],
  style: [],
  body: [],
  main: [],
  h1: [],
  p: ['class'],
  table: [],
  thead: [],
  tbody: [],
  tr: [],
  th: ['scope'],
  td: ['class', 'colspan'],
};

const headerCells = [
  'Timestamp',
  'Provider',
  'Tool',
  'Route',
  'Status',
  'Tokens In',
  'Tokens Out',
  'Duration (ms)',
  'Cost (USD)',
  'Experiment Cohort',
  'Experiment Tag',
  'Metadata',
  'Source',
];

function descendants(node: Node): DefaultTreeAdapterTypes.ChildNode[] {
  const children = 'childNodes' in node ? node.childNodes : [];
  return children.flatMap((child) => [child, ...descendants(child)]);
}

function elements(node: Node): Element[] {
  return descendants(node).filter((child): child is Element => 'tagName' in child);
}

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

function byTag(root: Node, tag: string): Element[] {
  return elements(root).filter((element) => element.tagName === tag);
}

describe('renderHtml', () => {
  it('writes no element or attribute the template did not write', async () => {
    const document = parse(await collect(renderHtml(eventsOf(sampleEvents))));

    for (const element of elements(document)) {
      expect(Object.keys(written)).toContain(element.tagName);
      for (const attribute of element.attrs) {
        expect(written[element.tagName]).toContain(attribute.name);
      }
    }
    const kinds = new Set(descendants(document).map((node) => node.nodeName));
    const nonElements = [...kinds].filter((kind) => kind.startsWith('#'));
    expect(nonElements.sort()).toEqual(['#documentType', '#text']);
    expect(byTag(document, 'td')).toHaveLength(13 * sampleEvents.length);
  });

  it('gives every cell the exact text of its value', async () => {
    const document = parse(await collect(renderHtml(eventsOf(sampleEvents))));
    const [tbody] = byTag(document, 'tbody');
    const rows = byTag(tbody!, 'tr').map((tr) => byTag(tr, 'td').map(textOf));

    const expected = sampleEvents.map((event) => {
      const row = toExportRow(event);
      return exportColumns.map((column) => (row[column] === null ? '' : String(row[column])));
    });
    expect(rows).toEqual(expected);
  });

  it('titles the document and writes the 13 column headers', async () => {
    const html = await collect(renderHtml(eventsOf([])));
    const document = parse(html);

    const start = '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n';
    expect(html.startsWith(start)).toBe(true);
    expect(textOf(byTag(document, 'title')[0]!)).toBe('Telemetry Export');
    expect(textOf(byTag(document, 'h1')[0]!)).toBe('Telemetry Export');
    expect(byTag(document, 'th').map(textOf)).toEqual(headerCells);
    for (const label of headerCells) expect(html).toContain(`<th scope="col">${label}</th>`);
  });

  it('escapes markup in a row with mustache', async () => {
    const html = await collect(renderHtml(eventsOf(sampleEvents.slice(4, 5))));
    const s = '&lt;script&gt;alert(1)&lt;&#x2F;script&gt;';

    expect(html).toContain(
      `<tr><td>2025-10-21T17:00:00Z</td><td>${s}</td><td>${s}</td><td>${s}</td>` +
        `<td>${s}</td><td class="num">0</td><td class="num">0</td><td class="num">0</td>` +
        `<td class="num">0.5</td><td>${s}</td><td>${s}</td><td class="metadata">` +
        `{&quot;${s}&quot;:&quot;${s}&quot;,&quot;note&quot;:&quot;${s}&quot;}</td>` +
        `<td>${s}</td></tr>\n`,
    );
    expect(html).not.toContain('<script');
  });

  it('writes a placeholder row and the document end when there are no events', async () => {
    const html = await collect(renderHtml(eventsOf([])));

    const end =
      '<tbody>\n<tr><td class="empty" colspan="13">No telemetry events found.</td></tr>\n' +
      '</tbody>\n</table>\n</main>\n</body>\n</html>\n';
    expect(html.endsWith(end)).toBe(true);
  });

  it('names the filters given, and writes no filter line without them', async () => {
    const filters = {
      start: Date.parse('2025-10-08T00:00:00Z'),
      end: Date.parse('2025-10-21T23:59:59Z'),
      providerIds: ['glm46', 'codex'],
      route: '<default>',
    };
    const filtered = await collect(renderHtml(eventsOf([]), { filters }));
    const plain = await collect(renderHtml(eventsOf([]), { filters: {} }));

    expect(filtered).toContain(
      '<h1>Telemetry Export</h1>\n<p class="filters">Filters: start 2025-10-08T00:00:00Z; ' +
        'end 2025-10-21T23:59:59Z; provider glm46, codex; route &lt;default&gt;</p>\n<table>\n',
    );
    expect(plain).toContain('<h1>Telemetry Export</h1>\n<table>\n');
    expect(plain).toBe(await collect(renderHtml(eventsOf([]))));
  });

  it('refuses a filter bound that is not an instant, before reading any row', () => {
    let caught: unknown;
    try {
      renderHtml(eventsOf([]), { filters: { end: Number.NaN } });
    } catch (error) {
      caught = error;
    }

    expect(isExportError(caught) && [caught.code, caught.parameter]).toEqual([
      'EXPORT_INVALID_FILTER',
      'end',
    ]);
  });

  it('gives identical bytes for the same events', async () => {
    const first = await collect(renderHtml(eventsOf(sampleEvents)));

    expect(await collect(renderHtml(eventsOf(sampleEvents)))).toBe(first);
  });
});
