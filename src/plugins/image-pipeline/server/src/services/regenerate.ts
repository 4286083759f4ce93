import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import type { Processor } from './processor';
import type { Queue } from './queue';

export interface FileRow {
  id: number;
  name: string;
  mime: string;
  url: string;
  width: number | null;
  height: number | null;
  formats: Record<string, unknown> | null;
  placeholder: string | null;
  alternativeText: string | null;
  caption: string | null;
  focalPoint: { x: number; y: number } | null;
}

/**
 * Brings stored images up to the pipeline: each image still missing its placeholder or one of
 * its sizes is replaced by itself through Strapi's upload service (same row, same id, so every
 * entry using it keeps it), which strips it and makes every size. Idempotent and resumable:
 * finished images are skipped, one image is worked on at a time.
 */
export const regenerate = ({ strapi }: { strapi: Core.Strapi }) => {
  const expectedKeys = (row: FileRow): string[] =>
    row.width && row.height ? (strapi.plugin('image-pipeline').service('processor') as Processor).plan(row.width, row.height).map((d) => d.key) : [];

  async function readOriginal(row: FileRow): Promise<Buffer> {
    if (/^https?:\/\//.test(row.url)) {
      const res = await fetch(row.url);
      if (!res.ok) throw new Error(`${row.url} → ${res.status}`);
      return Buffer.from(await res.arrayBuffer());
    }
    return fs.readFile(path.join(strapi.dirs.static.public, row.url));
  }

  return {
    isComplete(row: FileRow): boolean {
      if (row.mime === 'image/gif' || !row.mime.startsWith('image/')) return true;
      const formats = row.formats ?? {};
      return Boolean(row.placeholder) && expectedKeys(row).every((key) => key in formats);
    },

    async run(onProgress?: (done: number, total: number) => void): Promise<{ total: number; regenerated: number; failed: number }> {
      const rows = (await strapi.db.query('plugin::upload.file').findMany({
        where: { mime: { $startsWith: 'image/' } },
        orderBy: { id: 'asc' },
      })) as FileRow[];
      const upload = strapi.plugin('upload').service('upload');
      const queue = strapi.plugin('image-pipeline').service('queue') as Queue;
      let done = 0;
      let regenerated = 0;
      let failed = 0;
      for (const row of rows) {
        if (!this.isComplete(row)) {
          const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'image-regenerate-'));
          try {
            const filepath = path.join(dir, row.name);
            const bytes = await readOriginal(row);
            await fs.writeFile(filepath, bytes);
            await upload.replace(row.id, {
              data: { fileInfo: { name: row.name, alternativeText: row.alternativeText, caption: row.caption, focalPoint: row.focalPoint } },
              file: { filepath, originalFilename: row.name, mimetype: row.mime, size: bytes.length },
            });
            await queue.idle();
            regenerated += 1;
          } catch (error) {
            failed += 1;
            strapi.log.error(`[image-pipeline] could not regenerate file ${row.id} (${row.name}): ${(error as Error).message}`);
          } finally {
            await fs.rm(dir, { recursive: true, force: true });
          }
        }
        done += 1;
        onProgress?.(done, rows.length);
      }
      return { total: rows.length, regenerated, failed };
    },
  };
};

export type Regenerate = ReturnType<typeof regenerate>;
