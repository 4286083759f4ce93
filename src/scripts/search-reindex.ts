/** `npm run search:reindex`: rebuilds the search index from the published content. */
import { progressPrinter } from './progress';
import { refreshPlannerStatistics } from '../utils/planner-statistics';
import { withStrapi } from './with-strapi';

withStrapi(
  async (strapi) => {
    const started = Date.now();
    const count = await strapi.plugin('vietnamese-text').service('searchIndex').rebuild(progressPrinter('Chỉ mục tìm kiếm'));
    await refreshPlannerStatistics(strapi);
    console.log(`Đã lập chỉ mục ${count} mục trong ${((Date.now() - started) / 1000).toFixed(1)} giây.`);
  },
  { SEED_SAMPLE_DATA: 'false', LOG_LEVEL: process.env.LOG_LEVEL || 'warn' }
);
