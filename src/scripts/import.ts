/**
 * `npm run import -- <file.jsonl | folder>`: imports legacy articles (see README, "Legacy
 * import"). Exits with 2 when any item failed, so scripts and CI notice.
 */
import path from 'node:path';
import { formatSummary, runImport } from '../import/run-import';
import { progressPrinter } from './progress';
import { refreshPlannerStatistics } from '../utils/planner-statistics';
import { withStrapi } from './with-strapi';

const target = process.argv[2];
if (!target) {
  console.error('Cách dùng: npm run import -- <tệp.jsonl | thư mục>');
  process.exit(64);
}

// Sample data would be mixed with the archive; the import never needs it.
withStrapi(
  async (strapi) => {
    const summary = await runImport(strapi, path.resolve(target), progressPrinter('Nhập bài'));
    await refreshPlannerStatistics(strapi);
    console.log(formatSummary(summary));
    if (summary.failed > 0) process.exitCode = 2;
  },
  { SEED_SAMPLE_DATA: 'false' }
);
