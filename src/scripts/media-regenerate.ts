/** `npm run media:regenerate`: brings every stored image up to the image pipeline (see its README section). */
import { progressPrinter } from './progress';
import { withStrapi } from './with-strapi';

withStrapi(
  async (strapi) => {
    const result = await strapi.plugin('image-pipeline').service('regenerate').run(progressPrinter('Ảnh'));
    console.log(`Đã xử lý lại ${result.regenerated} / ${result.total} ảnh, lỗi ${result.failed}.`);
    if (result.failed > 0) process.exitCode = 1;
  },
  { SEED_SAMPLE_DATA: 'false', LOG_LEVEL: process.env.LOG_LEVEL || 'warn' }
);
