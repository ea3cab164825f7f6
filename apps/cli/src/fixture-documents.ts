import { fixtureWindows, lastDayOf, type FixtureReports } from '@finops/fixtures';
import { loadPullRequestReports, loadSprintReports, parseReportQuery } from '@finops/reports';
import { openStore, seedDataset } from '@finops/store';
import { CliError } from './cli-error.js';

/**
 * The reports of a dataset's fixture files (SPEC §5.3), computed on an in-memory store seeded from it:
 * sprints over the last two windows, pull requests over the last one.
 */
export async function buildFixtureReports(
  dataset: unknown,
  windowDays: string,
): Promise<FixtureReports> {
  const events = (dataset as { events?: unknown } | null)?.events;
  if (!Array.isArray(events) || events.length === 0) {
    throw new CliError('--dataset must be a dataset document with a non-empty "events" array');
  }

  const store = openStore(':memory:');
  try {
    const seeded = await seedDataset(store, dataset);
    if (seeded.rejected > 0) {
      const first = seeded.rejections[0];
      throw new CliError(
        `--dataset has ${seeded.rejected} invalid events; element ${first?.line}: ${first?.field} ${first?.reason}`,
      );
    }
    const windows = fixtureWindows(
      lastDayOf(dataset as { events: { ts: string }[] }),
      parseReportQuery({ window_days: windowDays }).windowDays,
    );
    const sprints = await loadSprintReports(
      store,
      parseReportQuery({
        start: windows.sprints.start,
        end: windows.sprints.end,
        window_days: windowDays,
      }),
    );
    const pullRequests = await loadPullRequestReports(
      store,
      parseReportQuery({
        start: windows.pullRequests.start,
        end: windows.pullRequests.end,
        window_days: windowDays,
      }),
    );
    return { sprints, pullRequests };
  } finally {
    await store.close();
  }
}
