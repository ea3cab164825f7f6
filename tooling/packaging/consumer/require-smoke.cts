// Loads the CommonJS builds and their `.d.cts` types.
import reports = require('@finops/reports');
import store = require('@finops/store');

const params: reports.ReportParams = reports.parseReportQuery({ window_days: '14' });
const summary = {
  windowDays: params.windowDays,
  loadSprintReports: typeof reports.loadSprintReports,
  openStore: typeof store.openStore,
};
process.stdout.write(`${JSON.stringify(summary)}\n`);
