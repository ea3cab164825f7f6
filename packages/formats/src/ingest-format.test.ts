import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IngestProgress } from '@finops/store';
import { afterEach, describe, expect, it } from 'vitest';
import { fixturePath, openPricedStore } from './_testing.js';
import { ingestFormatPath } from './ingest-format.js';

describe('ingestFormatPath', () => {
  let root: string | undefined;
  afterEach(() => {
    if (root !== undefined) rmSync(root, { recursive: true, force: true });
  });

  it('imports every session file under a projects folder, skipping other files', async () => {
    root = mkdtempSync(join(tmpdir(), 'finops-formats-'));
    const project = join(root, 'shop-api');
    mkdirSync(join(project, 'session-1', 'subagents'), { recursive: true });
    copyFileSync(fixturePath('claude-code-session.jsonl'), join(project, 'session-1.jsonl'));
    writeFileSync(join(project, 'session-1', 'subagents', 'agent-1.jsonl'), '');
    writeFileSync(join(project, 'notes.txt'), 'not a session\n');
    const store = await openPricedStore();

    const result = await ingestFormatPath(store, root, { format: 'claude-code' });
    const sources = new Set<string | null>();
    for await (const event of store.iterateEvents({})) sources.add(event.source_file);

    expect(result).toMatchObject({ format: 'claude-code', inserted: 2, rejected: 0 });
    expect(result.skipped['claude-code: user line']).toBe(3);
    expect([...sources]).toEqual([join(project, 'session-1.jsonl')]);
  });

  it('reports progress in bytes of the file', async () => {
    const store = await openPricedStore();
    const seen: IngestProgress[] = [];

    await ingestFormatPath(store, fixturePath('openrouter-activity.csv'), {
      format: 'openrouter',
      onProgress: (progress) => seen.push(progress),
    });

    const last = seen.at(-1);
    expect(last).toMatchObject({ records: 3, inserted: 3 });
    expect(last?.bytesRead).toBe(last?.bytesTotal);
    expect(last?.bytesTotal).toBeGreaterThan(0);
  });

  it('fails with FORMAT_SOURCE_UNREADABLE for a path that is not there', async () => {
    const store = await openPricedStore();

    await expect(
      ingestFormatPath(store, fixturePath('missing.csv'), { format: 'openrouter' }),
    ).rejects.toMatchObject({ code: 'FORMAT_SOURCE_UNREADABLE', field: 'path' });
  });
});
