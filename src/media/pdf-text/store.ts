import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { PdfTextResult, PdfTextStatus } from './classify';

/** Made by database/migrations/003-media-texts.ts. */
export const TEXT_TABLE = 'media_texts';

export interface StoredText {
  fileId: number;
  fileHash: string;
  status: PdfTextStatus;
  pages: number;
  pagesRead: number;
  truncated: boolean;
  text: string;
}

interface Row {
  file_id: number | string;
  file_hash: string;
  status: string;
  pages: number;
  pages_read: number;
  truncated: boolean | number;
  text?: string;
}

/**
 * Runs in the caller's transaction when there is one (a save's search sync reads texts inside the
 * write's transaction: on SQLite's single connection a second one would wait for ever), else in
 * a short one of its own.
 */
const within = <T>(strapi: Core.Strapi, fn: (trx: Knex.Transaction) => Promise<T>): Promise<T> =>
  strapi.db.transaction(({ trx }) => fn(trx as Knex.Transaction)) as Promise<T>;

const fromRow = (r: Row, withText: boolean): StoredText => ({
  fileId: Number(r.file_id),
  fileHash: r.file_hash,
  status: r.status as PdfTextStatus,
  pages: r.pages,
  pagesRead: r.pages_read,
  truncated: Boolean(r.truncated),
  text: withText ? (r.text ?? '') : '',
});

/** Writes (or replaces) what was read from one file, with the hash it was read from. */
export async function saveText(strapi: Core.Strapi, fileId: number, fileHash: string, result: PdfTextResult, now = Date.now()): Promise<void> {
  await within(strapi, (trx) => trx(TEXT_TABLE)
    .insert({
      file_id: fileId,
      file_hash: fileHash,
      status: result.status,
      pages: result.pages,
      pages_read: result.pagesRead,
      truncated: result.truncated,
      text: result.text,
      error: result.error?.slice(0, 300) ?? null,
      read_at: now,
    })
    .onConflict('file_id')
    .merge());
}

/** What is stored for these files, by file id; the text itself only when asked for. */
export async function textsOf(strapi: Core.Strapi, fileIds: number[], { withText }: { withText: boolean }): Promise<Map<number, StoredText>> {
  const ids = [...new Set(fileIds.filter((id) => Number.isInteger(id)))];
  const found = new Map<number, StoredText>();
  const columns = ['file_id', 'file_hash', 'status', 'pages', 'pages_read', 'truncated', ...(withText ? ['text'] : [])];
  // Chunks below SQLite's 999 bound parameters.
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = (await within(strapi, (trx) => trx(TEXT_TABLE).select(columns).whereIn('file_id', chunk))) as Row[];
    for (const r of rows) found.set(Number(r.file_id), fromRow(r, withText));
  }
  return found;
}

/** Drops the rows of deleted files. */
export async function forgetTexts(strapi: Core.Strapi, fileIds: number[]): Promise<void> {
  if (fileIds.length > 0) await within(strapi, (trx) => trx(TEXT_TABLE).whereIn('file_id', fileIds).delete());
}
