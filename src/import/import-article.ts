import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Core, UID } from '@strapi/strapi';
import { foldVietnamese } from 'strapi-plugin-vietnamese-text/text';
import type { LegacyArticle } from './legacy-item';

const ARTICLE = 'api::article.article';
type Outcome = 'created' | 'updated' | 'skipped';
type UploadedFile = Record<string, unknown> & { id: number };

const TAXONOMIES = {
  category: 'api::category.category',
  blocs: 'api::bloc.bloc',
  agencies: 'api::agency.agency',
  movements: 'api::movement.movement',
} as const satisfies Record<string, UID.ContentType>;
type Taxonomy = keyof typeof TAXONOMIES;
const LABELS: Record<Taxonomy, string> = { category: 'chuyên mục', blocs: 'khối thi đua', agencies: 'cơ quan', movements: 'phong trào' };

const MIME: Record<string, string> = { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.gif': 'image/gif', '.webp': 'image/webp', '.avif': 'image/avif' };

/** Accent-, case- and spacing-insensitive key: "Hội LHPN tỉnh" and "hoi lhpn tinh" match. */
export const referenceKey = (text: string) => foldVietnamese(text).toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/**
 * Imports legacy articles one at a time. Each article is written in one database transaction;
 * its images are uploaded first (the upload service writes files and runs the image pipeline)
 * and removed again if the article cannot be written, so a failure leaves nothing behind.
 */
export class ArticleImporter {
  private readonly lookups = new Map<string, Map<string, string>>();

  constructor(private readonly strapi: Core.Strapi) {}

  /** Name, short name and slug of every entry of a taxonomy in a locale → documentId. */
  private async lookup(kind: Taxonomy, locale: string): Promise<Map<string, string>> {
    const cacheKey = `${kind}:${locale}`;
    const cached = this.lookups.get(cacheKey);
    if (cached) return cached;
    const rows = (await this.strapi.db.query(TAXONOMIES[kind]).findMany({ where: { locale } })) as Record<string, unknown>[];
    const map = new Map<string, string>();
    for (const row of rows) {
      for (const field of ['slug', 'shortName', 'name']) {
        if (typeof row[field] === 'string' && row[field]) map.set(referenceKey(row[field] as string), row.documentId as string);
      }
    }
    this.lookups.set(cacheKey, map);
    return map;
  }

  private async resolve(kind: Taxonomy, names: string[], locale: string, warnings: string[]): Promise<string[]> {
    const map = await this.lookup(kind, locale);
    const ids: string[] = [];
    for (const name of names) {
      const id = map.get(referenceKey(name));
      if (id) ids.push(id);
      else warnings.push(`Không tìm thấy ${LABELS[kind]} "${name}" (ngôn ngữ ${locale}); bài được nhập không có liên kết này.`);
    }
    return [...new Set(ids)];
  }

  /** Creates, updates or skips one article. Returns what it did and the warnings for the item. */
  async import(item: LegacyArticle): Promise<{ outcome: Outcome; warnings: string[] }> {
    const warnings: string[] = [];
    const existing = (await this.strapi.db.query(ARTICLE).findOne({
      where: { legacyId: item.sourceId, locale: item.locale, publishedAt: null },
      select: ['documentId', 'legacyHash'],
    })) as { documentId: string; legacyHash: string | null } | null;
    if (existing && existing.legacyHash === item.sourceHash) return { outcome: 'skipped', warnings };

    const [category] = item.category ? await this.resolve('category', [item.category], item.locale, warnings) : [];
    const blocs = await this.resolve('blocs', item.blocs, item.locale, warnings);
    const agencies = await this.resolve('agencies', item.agencies, item.locale, warnings);
    const movements = await this.resolve('movements', item.movements, item.locale, warnings);

    const uploaded: UploadedFile[] = [];
    try {
      const cover = item.cover
        ? await this.upload(item, item.cover, item.coverAlt ?? item.title, item.coverCaption, uploaded, warnings)
        : undefined;
      const body: unknown[] = [];
      for (const block of item.body) {
        if (block.type !== 'image') body.push(block);
        else {
          const file = await this.upload(item, block.src, block.alt || item.title, undefined, uploaded, warnings);
          if (file) body.push(imageBlock(file));
        }
      }
      // A plain record, as the seed writes: without the generated schema types (types/generated is
      // not committed) Strapi types an article's data as only { id, documentId }.
      const data: Record<string, unknown> = {
        title: item.title,
        ...(item.slug ? { slug: item.slug } : {}),
        summary: item.summary ?? null,
        author: item.author ?? null,
        dateline: item.dateline,
        body,
        cover: cover?.id ?? null,
        coverCaption: item.coverCaption ?? null,
        category: category ?? null,
        blocs,
        agencies,
        movements,
        legacyId: item.sourceId,
        legacyHash: item.sourceHash,
      };
      const docs = this.strapi.documents(ARTICLE);
      await this.strapi.db.transaction(async () => {
        if (!existing) {
          await docs.create({ locale: item.locale, status: item.status, data });
          return;
        }
        await docs.update({ documentId: existing.documentId, locale: item.locale, data });
        if (item.status === 'published') await docs.publish({ documentId: existing.documentId, locale: item.locale });
        else await docs.unpublish({ documentId: existing.documentId, locale: item.locale });
      });
      return { outcome: existing ? 'updated' : 'created', warnings };
    } catch (error) {
      await this.removeUploads(uploaded);
      throw error;
    }
  }

  /** Uploads a local image through the upload service (so the image pipeline sees it). */
  private async upload(
    item: LegacyArticle,
    src: string,
    alternativeText: string,
    caption: string | undefined,
    uploaded: UploadedFile[],
    warnings: string[]
  ): Promise<UploadedFile | undefined> {
    if (/^[a-z][a-z0-9+.-]*:/i.test(src)) {
      warnings.push(`Ảnh "${src}" là địa chỉ ngoài, không tải về; đã bỏ qua.`);
      return undefined;
    }
    const source = path.resolve(item.baseDir, decodeURIComponent(src));
    const buffer = await fs.readFile(source).catch((): null => null);
    if (!buffer) {
      warnings.push(`Không tìm thấy tệp ảnh "${src}"; đã bỏ qua ảnh này.`);
      return undefined;
    }
    // The upload service may move or rewrite what it is given: hand it a copy.
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tdkt-import-'));
    const name = path.basename(source);
    const filepath = path.join(dir, name);
    try {
      await fs.writeFile(filepath, buffer);
      const [file] = (await this.strapi
        .plugin('upload')
        .service('upload')
        .upload({
          data: { fileInfo: { name, alternativeText, caption } },
          files: { filepath, originalFilename: name, mimetype: MIME[path.extname(name).toLowerCase()] ?? 'application/octet-stream', size: buffer.length },
        })) as UploadedFile[];
      uploaded.push(file);
      return file;
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }

  private async removeUploads(files: UploadedFile[]): Promise<void> {
    const service = this.strapi.plugin('upload').service('upload');
    for (const file of files) {
      await (service.remove(file) as Promise<unknown>).catch((error: Error) =>
        this.strapi.log.warn(`[import] could not remove uploaded file ${file.id}: ${error.message}`)
      );
    }
  }
}

/** A Strapi image block from an uploaded file (the fields the blocks renderer reads). */
function imageBlock(file: UploadedFile): Record<string, unknown> {
  const pick = ['id', 'documentId', 'name', 'alternativeText', 'caption', 'width', 'height', 'formats', 'hash', 'ext', 'mime', 'size', 'url', 'previewUrl', 'provider', 'createdAt', 'updatedAt'];
  return {
    type: 'image',
    image: Object.fromEntries(pick.filter((k) => k in file).map((k) => [k, file[k]])),
    children: [{ type: 'text', text: '' }],
  };
}
