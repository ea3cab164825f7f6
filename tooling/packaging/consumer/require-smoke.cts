// A CommonJS consumer: `require()` loads the `.cjs` builds, and the `.d.cts` types check it.
import reports = require('@finops/reports');
import store = require('@finops/store');

const params: reports.ReportParams = reports.parseReportQuery({ window_days: '14' });
const summary = {
  resolved: require.resolve('@finops/reports'),
  windowDays: params.windowDays,
  loadSprintReports: typeof reports.loadSprintReports,
  openStore: typeof store.openStore,
  // The CommonJS build finds the parsing worker next to itself, as the ESM build does.
  parsingWorker: store.usesParsingWorker({ parseInWorker: true }, 0),
};
process.stdout.write(`${JSON.stringify(summary)}\n`);
