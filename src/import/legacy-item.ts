import { createHash } from 'node:crypto';
import {
  detectEncoding,
  toUnicode,
  type DetectedEncoding,
} from './legacy-encodings';
import { cleanName } from 'strapi-plugin-vietnamese-text/text';
import type { Block } from './blocks';
import { htmlToBlocks } from './html-to-blocks';
import { parseLegacyDate } from './legacy-date';
import { markdownToBlocks } from './markdown-to-blocks';

/** One article as read from an export, before any database work. */
export interface LegacyArticle {
  sourceId: string;
  locale: string;
  status: 'published' | 'draft';
  title: string;
  slug?: string;
  summary?: string;
  author?: string;
  dateline: string;
  category?: string;
  blocs: string[];
  agencies: string[];
  movements: string[];
  body: Block[];
  /** Paths as written in the source, resolved against `baseDir`. */
  cover?: string;
  coverAlt?: string;
  coverCaption?: string;
  baseDir: string;
  encoding: DetectedEncoding;
  /** Hash of the source record: a changed source updates the article, the same one is skipped. */
  sourceHash: string;
}

export class ItemError extends Error {}

type Raw = Record<string, unknown>;

// Export fields go by several names; the first one present wins.
const ALIASES: Record<string, string[]> = {
  sourceId: ['sourceId', 'source_id', 'sourceID', 'legacyId', 'id'],
  title: ['title', 'tieuDe'],
  slug: ['slug'],
  summary: ['summary', 'sapo', 'description'],
  author: ['author', 'byline'],
  date: ['date', 'dateline', 'publishedAt', 'published_at'],
  category: ['category', 'chuyenMuc'],
  blocs: ['blocs', 'bloc'],
  agencies: ['agencies', 'agency'],
  movements: ['movements', 'movement'],
  cover: ['cover', 'coverImage', 'cover_image', 'image'],
  coverAlt: ['coverAlt', 'cover_alt'],
  coverCaption: ['coverCaption', 'cover_caption', 'caption'],
  locale: ['locale', 'lang'],
  status: ['status'],
  published: ['published'],
  body: ['body', 'content', 'html'],
  format: ['format'],
};

function pick(raw: Raw, field: string): unknown {
  for (const name of ALIASES[field]) if (raw[name] !== undefined && raw[name] !== null) return raw[name];
  return undefined;
}

const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;

function list(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(str).filter((s): s is string => !!s && !!s.trim());
  const s = str(v);
  // Names hold commas ("Cụm các huyện, thành phố …"): several names in one string are split on ";".
  return s ? s.split(';').map((x) => x.trim()).filter(Boolean) : [];
}

/** All the text of a record, for one encoding decision per article (a short field alone is ambiguous). */
function allText(raw: Raw): string {
  return Object.values(raw)
    .flatMap((v) => (Array.isArray(v) ? v : [v]))
    .filter((v): v is string => typeof v === 'string')
    .join('\n');
}

function statusOf(raw: Raw): 'published' | 'draft' {
  const status = str(pick(raw, 'status'))?.toLowerCase();
  if (status) {
    if (['published', 'publish', 'xuat-ban', 'xuất bản'].includes(status)) return 'published';
    if (['draft', 'nhap', 'nháp', 'ban-nhap', 'bản nháp'].includes(status)) return 'draft';
    throw new ItemError(`Trạng thái "${status}" không hợp lệ (dùng published hoặc draft).`);
  }
  const published = pick(raw, 'published');
  return published === false || published === 'false' || published === 0 ? 'draft' : 'published';
}

/**
 * A raw record (a JSON line, or a file's front matter with its body) → a checked article.
 * Legacy encodings are converted to Unicode NFC; problems throw an ItemError in Vietnamese.
 * `bodyFormat` is the file's kind when the record does not say.
 */
export function toLegacyArticle(raw: Raw, options: { baseDir: string; bodyFormat?: 'html' | 'markdown' }): LegacyArticle {
  const encoding = detectEncoding(allText(raw));
  const text = (v: unknown) => {
    const s = str(v);
    return s === undefined ? undefined : toUnicode(s, encoding);
  };
  const name = (v: unknown) => {
    const s = text(v);
    return s && cleanName(s) ? cleanName(s) : undefined;
  };

  const sourceId = name(pick(raw, 'sourceId'));
  if (!sourceId) throw new ItemError('Thiếu mã nguồn (sourceId): không thể nhập lại mà không trùng lặp.');
  const title = name(pick(raw, 'title'));
  if (!title) throw new ItemError('Thiếu tiêu đề (title).');
  if (title.length > 255) throw new ItemError(`Tiêu đề dài ${title.length} ký tự, tối đa 255.`);
  const rawDate = str(pick(raw, 'date'));
  if (!rawDate) throw new ItemError('Thiếu ngày đăng (date).');
  const dateline = parseLegacyDate(rawDate);
  if (!dateline) throw new ItemError(`Ngày đăng "${rawDate}" không hợp lệ (dùng 2019-11-27 15:20 hoặc 27/11/2019 15:20).`);

  const bodyText = text(pick(raw, 'body')) ?? '';
  const format = str(pick(raw, 'format'))?.toLowerCase() ?? options.bodyFormat ?? (/<[a-z][^>]*>/i.test(bodyText) ? 'html' : 'markdown');
  if (format !== 'html' && format !== 'markdown' && format !== 'md') {
    throw new ItemError(`Định dạng nội dung "${format}" không hỗ trợ (html hoặc markdown).`);
  }
  const summary = text(pick(raw, 'summary'))?.trim();
  if (summary && summary.length > 1000) throw new ItemError(`Tóm tắt dài ${summary.length} ký tự, tối đa 1000.`);

  return {
    sourceId,
    locale: str(pick(raw, 'locale'))?.trim() || 'vi',
    status: statusOf(raw),
    title,
    slug: str(pick(raw, 'slug'))?.trim() || undefined,
    summary: summary || undefined,
    author: name(pick(raw, 'author')),
    dateline,
    category: name(pick(raw, 'category')),
    blocs: list(pick(raw, 'blocs')).map((s) => cleanName(toUnicode(s, encoding))),
    agencies: list(pick(raw, 'agencies')).map((s) => cleanName(toUnicode(s, encoding))),
    movements: list(pick(raw, 'movements')).map((s) => cleanName(toUnicode(s, encoding))),
    body: format === 'html' ? htmlToBlocks(bodyText) : markdownToBlocks(bodyText),
    cover: str(pick(raw, 'cover'))?.trim() || undefined,
    coverAlt: name(pick(raw, 'coverAlt')),
    coverCaption: name(pick(raw, 'coverCaption')),
    baseDir: options.baseDir,
    encoding,
    sourceHash: createHash('sha256').update(JSON.stringify(raw)).digest('hex').slice(0, 32),
  };
}
