import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import type { FileRow } from './processor';
import { getService } from '../utils/get-service';

const PAGE = 200;

/**
 * Brings stored images up to the pipeline. `requeue` queues the missing sizes of images the
 * pipeline already processed (work left undone before the jobs table, or given up). `run`
 * (`npm run media:regenerate`) also re-processes images from before the plugin: each one still
 * missing its placeholder is replaced by itself through Strapi's upload service (same row, same
 * id, so every entry using it keeps it), which strips it; its sizes then come from the queue.
 * Both are idempotent and resumable: finished images are skipped.
 */
export const regenerate = ({ strapi }: { strapi: Core.Strapi }) => {
  const processor = () => getService(strapi, 'processor');
  const queue = () => getService(strapi, 'queue');
  const files = () => strapi.db.query('plugin::upload.file');

  /** Image rows by id, a page at a time (the library may be large). */
  async function* images(where: Record<string, unknown> = {}): AsyncGenerator<FileRow> {
    let after = 0;
    for (;;) {
      const page = (await files().findMany({
        where: { ...where, id: { $gt: after }, mime: { $startsWith: 'image/' } },
        orderBy: { id: 'asc' },
        limit: PAGE,
      })) as FileRow[];
      yield* page;
      if (page.length < PAGE) return;
      after = page[page.length - 1].id;
    }
  }

  return {
    isComplete(row: FileRow): boolean {
      if (!processor().processes(row.mime.replace(/^image\//, ''))) return true;
      return Boolean(row.placeholder) && processor().missing(row).length === 0;
    },

    /** Queues the completion of one stored image. */
    queue(id: number): Promise<void> {
      return queue().add(id);
    },

    /**
     * Queues every processed image whose formats are incomplete (a waiting job is made due now):
     * for images left incomplete before the jobs table existed, or a job given up. Returns how many.
     */
    async requeue(): Promise<number> {
      let queued = 0;
      for await (const row of images({ placeholder: { $notNull: true } })) {
        if (this.isComplete(row)) continue;
        await this.queue(row.id);
        queued += 1;
      }
      return queued;
    },

    async run(onProgress?: (done: number, total: number) => void): Promise<{ total: number; regenerated: number; failed: number }> {
      const total = await files().count({ where: { mime: { $startsWith: 'image/' } } });
      const upload = strapi.plugin('upload').service('upload');
      let done = 0;
      let regenerated = 0;
      let failed = 0;
      for await (const row of images()) {
        if (!this.isComplete(row)) {
          const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'image-regenerate-'));
          try {
            if (!row.placeholder) {
              const filepath = path.join(dir, row.name);
              const bytes = await processor().readStored(row);
              await fs.writeFile(filepath, bytes);
              const r = row as FileRow & { alternativeText: string | null; caption: string | null };
              await upload.replace(row.id, {
                data: { fileInfo: { name: row.name, alternativeText: r.alternativeText, caption: r.caption, focalPoint: row.focalPoint } },
                file: { filepath, originalFilename: row.name, mimetype: row.mime, size: bytes.length },
              });
            }
            await this.queue(row.id);
            await queue().idle();
            const after = (await files().findOne({ where: { id: row.id } })) as FileRow;
            if (!this.isComplete(after)) throw new Error('sizes still missing after processing (see the log above)');
            regenerated += 1;
          } catch (error) {
            failed += 1;
            strapi.log.error(`[image-pipeline] could not regenerate file ${row.id} (${row.name}): ${(error as Error).message}`);
          } finally {
            await fs.rm(dir, { recursive: true, force: true });
          }
        }
        done += 1;
        onProgress?.(done, total);
      }
      return { total, regenerated, failed };
    },
  };
};

export type Regenerate = ReturnType<typeof regenerate>;
