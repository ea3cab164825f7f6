// A CommonJS consumer: `require()` loads the `.cjs` builds, and the `.d.cts` types check it.
import reports = require('@finops/reports');
import store = require('@finops/store');

const params: reports.ReportParams = reports.parseReportQuery({ window_days: '14' });
const summary = {
  resolved: require.resolve('@finops/reports'),
  windowDays: params.windowDays,
  loadSprintReports: typeof reports.loadSprintReports,
  openStore: typeof store.openStore,
};
process.stdout.write(`${JSON.stringify(summary)}\n`);
