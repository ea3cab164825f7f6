import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { referenceDatasetPath, runFinops, useTempDir } from './_cli.js';

describe('finops fixtures', () => {
  const temp = useTempDir('fixtures');

  it('writes the sprint and pull-request fixture files of a dataset', async () => {
    const out = join(temp.dir, 'written');

    const run = await runFinops(['fixtures', '--dataset', referenceDatasetPath, '--out', out]);

    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      `wrote ${join(out, 'finops_sprints.json')}\nwrote ${join(out, 'finops_pull_requests.json')}\n`,
    );
    expect(readdirSync(out).sort()).toEqual(['finops_pull_requests.json', 'finops_sprints.json']);
    const sprints = JSON.parse(readFileSync(join(out, 'finops_sprints.json'), 'utf8')) as {
      items: { id: string; total_cost_usd: number }[];
    };
    const pullRequests = JSON.parse(
      readFileSync(join(out, 'finops_pull_requests.json'), 'utf8'),
    ) as {
      items: { id: string; cost_impact_usd: number; status: string }[];
    };
    expect(sprints.items.map((s) => [s.id, s.total_cost_usd])).toEqual([
      ['sprint-2025-43-1', 151.45],
      ['sprint-2025-42-2', 162.68],
    ]);
    expect(pullRequests.items[0]).toMatchObject({
      id: 'glm46:default',
      cost_impact_usd: 7.5,
      status: 'regression',
    });
    expect(readFileSync(join(out, 'finops_sprints.json'), 'utf8').endsWith('}\n')).toBe(true);
  });

  it('--check exits 0 when the files match the dataset and writes nothing', async () => {
    const out = join(temp.dir, 'matching');
    await runFinops(['fixtures', '--dataset', referenceDatasetPath, '--out', out]);
    const before = readFileSync(join(out, 'finops_sprints.json'));

    const run = await runFinops([
      'fixtures',
      '--check',
      '--dataset',
      referenceDatasetPath,
      '--out',
      out,
    ]);

    expect(run).toEqual({
      code: 0,
      stdout: `fixtures in ${out} match ${referenceDatasetPath}\n`,
      stderr: '',
    });
    expect(readFileSync(join(out, 'finops_sprints.json'))).toEqual(before);
  });

  it('--check exits 1 naming each file that is missing or differs', async () => {
    const out = join(temp.dir, 'drifted');
    await runFinops(['fixtures', '--dataset', referenceDatasetPath, '--out', out]);
    const path = join(out, 'finops_sprints.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace('151.45', '151.46'));

    const drifted = await runFinops([
      'fixtures',
      '--check',
      '--dataset',
      referenceDatasetPath,
      '--out',
      out,
    ]);
    const missing = await runFinops([
      'fixtures',
      '--check',
      '--dataset',
      referenceDatasetPath,
      '--out',
      join(temp.dir, 'none'),
    ]);

    expect(drifted).toEqual({ code: 1, stdout: '', stderr: 'finops_sprints.json: differs\n' });
    expect(missing).toEqual({
      code: 1,
      stdout: '',
      stderr: 'finops_sprints.json: missing\nfinops_pull_requests.json: missing\n',
    });
  });

  it('refuses a dataset without events in one line', async () => {
    const path = join(temp.dir, 'empty.json');
    writeFileSync(path, '{"events": []}');

    const run = await runFinops(['fixtures', '--dataset', path, '--out', join(temp.dir, 'x')]);

    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: 'finops: --dataset must be a dataset document with a non-empty "events" array\n',
    });
  });
});
