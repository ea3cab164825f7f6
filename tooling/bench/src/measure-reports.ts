import { loadPullRequestReports, loadSprintReports, parseReportQuery } from '@finops/reports';
import { openStore } from '@finops/store';

export interface ReportsMeasurement {
  events: number;
  medianMs: number;
  runs: number;
}

/** Median latency of computing the sprint and the pull-request reports together. */
export async function measureReports(
  dbPath: string,
  events: number,
  runs = 9,
): Promise<ReportsMeasurement> {
  const store = openStore(dbPath);
  const params = parseReportQuery({ window_days: '7' });
  const times: number[] = [];
  try {
    await loadSprintReports(store, params); // warm the page cache and the statements
    for (let run = 0; run < runs; run += 1) {
      const started = process.hrtime.bigint();
      await loadSprintReports(store, params);
      await loadPullRequestReports(store, params);
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  } finally {
    await store.close();
  }
  times.sort((a, b) => a - b);
  return { events, medianMs: times[Math.floor(times.length / 2)] ?? Number.NaN, runs };
}
