/**
 * `npm run restore -- <archive>`: Strapi's import (replaces all content and media), then the slug
 * registry from the side file (or re-derived from the content when there is none) and the search
 * index rebuilt: both are our own tables, which Strapi's import does not touch.
 */
import fs from 'node:fs';
import path from 'node:path';
import { existingBackupFiles } from '../backup/paths';
import { runStrapiCli } from '../backup/strapi-cli';
import { refreshPlannerStatistics } from '../utils/planner-statistics';
import { recordSystemJob } from './audit';
import { withStrapi } from './with-strapi';

const archive = process.argv[2];
if (!archive || !fs.existsSync(archive)) {
  console.error(`Cách dùng: npm run restore -- <tệp .tar.gz hoặc .tar.gz.enc>${archive ? ` (không thấy ${archive})` : ''}`);
  process.exit(2);
}
const files = existingBackupFiles(archive);
const key = process.env.BACKUP_ENCRYPTION_KEY;
if (files.encrypted && !key) {
  console.error('Bản sao lưu được mã hoá: hãy đặt BACKUP_ENCRYPTION_KEY.');
  process.exit(2);
}

runStrapiCli(['import', '--file', files.archive, '--force', ...(files.encrypted && key ? ['--key', key] : [])]);
withStrapi(
  async (strapi) => {
    const plugin = strapi.plugin('vietnamese-text');
    if (fs.existsSync(files.slugs)) {
      const { slugs } = JSON.parse(fs.readFileSync(files.slugs, 'utf8'));
      await plugin.service('slugRegistry').replace(slugs);
      console.log(`Sổ đường dẫn: ${slugs.length} mục từ ${files.slugs}`);
    } else {
      // Previous slugs (old URLs) are lost without the side file; current ones come from content.
      await plugin.service('slugRegistry').replace([]);
      await plugin.service('slugs').adoptExisting();
      console.warn(`Không có ${files.slugs}: sổ đường dẫn lập lại từ nội dung, đường dẫn cũ không còn chuyển hướng.`);
    }
    const indexed = await plugin.service('searchIndex').rebuild();
    await refreshPlannerStatistics(strapi);
    console.log(`Đã khôi phục từ ${files.archive}; chỉ mục tìm kiếm: ${indexed} mục.`);
    // Strapi's import ran in its own process, out of sight of any hook: one audit entry, as the system.
    await recordSystemJob(strapi, 'restore', { archive: path.basename(files.archive), encrypted: files.encrypted, searchIndex: indexed });
  },
  { SEED_SAMPLE_DATA: 'false', LOG_LEVEL: process.env.LOG_LEVEL || 'warn' }
);
