/**
 * `npm run import -- <file.jsonl | folder>`: imports legacy articles (see README, "Legacy
 * import"). Exits with 2 when any item failed, so scripts and CI notice.
 */
import path from 'node:path';
import { formatSummary, runImport } from '../import/run-import';
import { progressPrinter } from './progress';
import { refreshPlannerStatistics } from '../utils/planner-statistics';
import { asSystemJob, recordSystemJob } from './audit';
import { withStrapi } from './with-strapi';

const target = process.argv[2];
if (!target) {
  console.error('Cách dùng: npm run import -- <tệp.jsonl | thư mục>');
  process.exit(64);
}

// Sample data would be mixed with the archive; the import never needs it.
withStrapi(
  async (strapi) => {
    // In the audit log (editorial plugin) what the import writes is the system's, and the run one entry.
    const summary = await asSystemJob(strapi, 'import', () => runImport(strapi, path.resolve(target), progressPrinter('Nhập bài')));
    const { total, created, updated, skipped, failed } = summary;
    await recordSystemJob(strapi, 'import', { file: path.basename(target), total, created, updated, skipped, failed });
    await refreshPlannerStatistics(strapi);
    console.log(formatSummary(summary));
    if (summary.failed > 0) process.exitCode = 2;
  },
  { SEED_SAMPLE_DATA: 'false' }
);
