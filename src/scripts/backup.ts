/**
 * `npm run backup -- [file]`: Strapi's export (content, media files, configuration) plus our slug
 * registry beside it. Encrypted when BACKUP_ENCRYPTION_KEY is set.
 */
import fs from 'node:fs';
import path from 'node:path';
import { newBackupFiles } from '../backup/paths';
import { runStrapiCli } from '../backup/strapi-cli';
import { resolveFromRoot } from '../env/app-root';
import { withStrapi } from './with-strapi';

const key = process.env.BACKUP_ENCRYPTION_KEY;
const files = newBackupFiles(process.argv[2], Boolean(key), resolveFromRoot('.tmp/backups'), new Date());
fs.mkdirSync(path.dirname(files.base), { recursive: true });
if (!key) console.warn('BACKUP_ENCRYPTION_KEY chưa đặt: bản sao lưu không được mã hoá.');

runStrapiCli(['export', '--file', files.base, ...(key ? ['--key', key] : ['--no-encrypt'])]);
withStrapi(
  async (strapi) => {
    const rows = await strapi.plugin('vietnamese-text').service('slugRegistry').dump();
    fs.writeFileSync(files.slugs, JSON.stringify({ version: 1, slugs: rows }));
    console.log(`Đã sao lưu: ${files.archive}\nSổ đường dẫn (${rows.length} mục): ${files.slugs}`);
  },
  { SEED_SAMPLE_DATA: 'false', LOG_LEVEL: process.env.LOG_LEVEL || 'warn' }
);
