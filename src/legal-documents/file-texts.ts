import type { Core } from '@strapi/strapi';
import { STATUS_LABELS, type PdfTextStatus } from '../media/pdf-text/classify';
import { isPdf } from '../media/pdf-text/register';
import { textsOf, type StoredText } from '../media/pdf-text/store';
import { announceChanged } from './public-changes';

const UID = 'api::legal-document.legal-document';

/** What this uses of the vietnamese-text plugin (optional). */
interface SearchIndex {
  sync(uid: string, documentId: string): Promise<void>;
}

type File = { id: number; hash: string };
type Row = { id: number; documentId: string; locale: string; files?: File[] };

/**
 * A stored text is the file's only while the hashes agree: a replaced file waits for its new
 * read, and after a restore (which renumbers files) a row left from another file is not taken.
 */
const current = (stored: StoredText | undefined, file: { hash?: unknown }): StoredText | undefined => (stored && stored.fileHash === file.hash ? stored : undefined);

/**
 * The words of a văn bản's attached PDFs, searched with it (vietnamese-text config
 * `search.contentTypes[uid].extraText`): per entry row, its files' texts in file order.
 */
export async function searchTextOf(strapi: Core.Strapi, entries: { id: number }[]): Promise<Map<number, string>> {
  const ids = entries.map((e) => e.id);
  if (ids.length === 0) return new Map();
  const rows = (await strapi.db.query(UID).findMany({ where: { id: { $in: ids } }, select: ['id'], populate: { files: { select: ['id', 'hash'] } } })) as Row[];
  const texts = await textsOf(strapi, rows.flatMap((r) => (r.files ?? []).map((f) => f.id)), { withText: true });
  return new Map(
    rows.map((r) => [
      r.id,
      (r.files ?? [])
        .map((f) => current(texts.get(f.id), f)?.text ?? '')
        .filter(Boolean)
        .join(' '),
    ])
  );
}

export interface FileTextStatus {
  /** `text`: its words are searched; `scanned`: page images, nothing to search; `failed`; `pending`: not read yet. */
  textStatus: PdfTextStatus | 'pending' | null;
  textStatusLabel: string | null;
  pages: number | null;
}

/** For a page's files: whether each PDF's words are searched (null for other files). */
export async function fileTextStatuses(strapi: Core.Strapi, files: Record<string, unknown>[]): Promise<FileTextStatus[]> {
  const ids = files.filter((f) => isPdf(f.mime) && typeof f.id === 'number').map((f) => f.id as number);
  const stored = await textsOf(strapi, ids, { withText: false });
  return files.map((f) => {
    if (!isPdf(f.mime) || typeof f.id !== 'number') return { textStatus: null, textStatusLabel: null, pages: null };
    const s = current(stored.get(f.id), f);
    const status = s?.status ?? 'pending';
    return { textStatus: status, textStatusLabel: STATUS_LABELS[status], pages: s ? s.pages : null };
  });
}

/**
 * A file's text was read: the published văn bản that attach it are searched by its words from
 * now on, and their cached pages (which say whether the file is searchable) are dropped.
 */
export async function followFileText(strapi: Core.Strapi, fileId: number): Promise<void> {
  const rows = (await strapi.db.query(UID).findMany({
    where: { files: { id: fileId }, publishedAt: { $notNull: true } },
    select: ['documentId', 'locale'],
  })) as { documentId: string; locale: string }[];
  if (rows.length === 0) return;
  const search = strapi.plugin('vietnamese-text')?.service<SearchIndex>('searchIndex');
  for (const documentId of new Set(rows.map((r) => r.documentId))) await search?.sync(UID, documentId);
  await announceChanged(strapi, rows);
}
