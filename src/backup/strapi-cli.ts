import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { appRoot } from '../env/app-root';

/**
 * Runs Strapi's own CLI (export/import) on this app, in the foreground. The sample content must
 * not be loaded into the database the CLI boots: a restore target starts empty.
 */
export function runStrapiCli(args: string[]): void {
  const root = appRoot();
  const bin = path.join(root, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, SEED_SAMPLE_DATA: 'false' } });
  if (result.status !== 0) throw new Error(`strapi ${args[0]} thất bại (mã thoát ${result.status ?? result.signal})`);
}
