import type { Core } from '@strapi/strapi';
import { DEFAULT_LIMITS, extractPdfText, type ExtractLimits } from './extract';
import { forgetTexts, saveText, TEXT_TABLE, textsOf } from './store';

export const PDF_TEXT_JOB = 'pdf-text';
const FILE_UID = 'plugin::upload.file';
/** PDFs read at one start that were stored before this feature (or whose job was lost): bounded. */
const BACKFILL_LIMIT = 1000;

/** What this uses of the jobs plugin's worker and the image pipeline's processor. */
interface Jobs {
  register(name: string, handler: (job: { key: string }) => Promise<void>): void;
  enqueue(name: string, key: string): Promise<void>;
}
interface StoredFiles {
  readStored(row: { url: string }): Promise<Buffer>;
}
interface FileRow {
  id: number;
  hash: string;
  mime: string | null;
  url: string;
}

export const isPdf = (mime: unknown) => mime === 'application/pdf';

/**
 * The words of stored PDFs, read in the background: each PDF stored (and each replace) queues a
 * `pdf-text` job keyed by the file id; the job reads the file within `limits` (a worker thread,
 * src/media/pdf-text/extract.ts), stores the text with the file's hash in `media_texts`, then
 * calls `onRead` so what shows the file (search rows, cached pages) follows.
 */
export async function registerPdfText(strapi: Core.Strapi, onRead: (fileId: number) => Promise<void>, limits: ExtractLimits = DEFAULT_LIMITS): Promise<void> {
  const jobs = strapi.plugin('jobs')?.service<Jobs>('worker');
  if (!jobs) throw new Error('[pdf-text] needs the jobs plugin (config/plugins.ts)');
  const knex = () => strapi.db.connection;

  jobs.register(PDF_TEXT_JOB, async ({ key }) => {
    const file = (await strapi.db.query(FILE_UID).findOne({ where: { id: Number(key) }, select: ['id', 'hash', 'mime', 'url'] })) as FileRow | null;
    if (!file || !isPdf(file.mime)) return;
    const stored = (await textsOf(strapi, [file.id], { withText: false })).get(file.id);
    if (stored?.fileHash === file.hash) return;
    const reader = strapi.plugin('image-pipeline')?.service<StoredFiles>('processor');
    if (!reader) throw new Error('[pdf-text] reads stored files through the image-pipeline plugin, which is off');
    const result = await extractPdfText(await reader.readStored(file), limits);
    await saveText(strapi, file.id, file.hash, result);
    if (result.status === 'failed') strapi.log.warn(`[pdf-text] không đọc được nội dung tệp #${file.id}: ${result.error}`);
    await onRead(file.id);
  });

  const queue = async (file: unknown): Promise<void> => {
    const { id, mime } = (file ?? {}) as { id?: unknown; mime?: unknown };
    if (typeof id === 'number' && isPdf(mime)) await jobs.enqueue(PDF_TEXT_JOB, String(id));
  };
  // The file table's own lifecycles, not the upload's media.* events: those are emitted without
  // being awaited, so a job queued from them could land after the upload's caller moved on. Here
  // the job row is written with the file row, in its transaction when it has one.
  strapi.db.lifecycles.subscribe({
    models: [FILE_UID],
    afterCreate: (event) => queue(event.result),
    // A replace writes a new hash; an edit of the name, caption or folder does not need a new read.
    afterUpdate: async (event) => {
      const data = (event.params as { data?: Record<string, unknown> }).data;
      if (data && 'hash' in data) await queue(event.result);
    },
    afterDelete: async (event) => {
      const id = (event.result as { id?: unknown } | undefined)?.id;
      if (typeof id === 'number') await forgetTexts(strapi, [id]);
    },
  });

  // PDFs without a current text: stored before this was deployed, their job lost, or restored
  // from a backup (which renumbers files: a row left from another file has another hash).
  const missing = (await knex()('files as f')
    .leftJoin(`${TEXT_TABLE} as t`, 't.file_id', 'f.id')
    .select('f.id')
    .where('f.mime', 'application/pdf')
    .andWhere((w) => w.whereNull('t.file_id').orWhereRaw('t.file_hash <> f.hash'))
    .orderBy('f.id')
    .limit(BACKFILL_LIMIT)) as { id: number }[];
  for (const { id } of missing) await jobs.enqueue(PDF_TEXT_JOB, String(id));
}
