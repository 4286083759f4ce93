import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Core, UID } from '@strapi/strapi';
import { NEWS_CONTENT_TYPES } from '../bootstrap/content-types';
import { toStrapiBlocks } from './blocks';
import { renderCover } from './cover-image';
import { decideSeed, seedEnabled, type SeedDecision, type SeedState } from './decide';
import { sampleContent } from './sample-content';
import type { LocalizedText, SampleContent, SeedArticle } from './types';

const STATE_KEY = 'sample_data_state';
const COVER_CONCURRENCY = 4;

type Data = Record<string, unknown>;
type Ids = Map<string, string>; // sample key → documentId

/**
 * Loads the sample content when the database has none (or finishes an interrupted load).
 * Returns what it decided, for logs and tests.
 */
export async function loadSampleData(
  strapi: Core.Strapi,
  options: { enabled?: boolean; content?: SampleContent } = {}
): Promise<SeedDecision> {
  const enabled = options.enabled ?? seedEnabled(process.env);
  const state = (await strapi.store.get({ type: 'core', key: STATE_KEY })) as SeedState;
  const hasContent = enabled && !state ? await databaseHasContent(strapi) : false;
  const decision = decideSeed({ enabled, state, hasContent });
  if (decision !== 'start' && decision !== 'resume') {
    if (decision === 'has-content') strapi.log.info('[seed] database already has content; sample data not loaded');
    return decision;
  }

  strapi.log.info(`[seed] ${decision === 'start' ? 'loading' : 'resuming'} Vietnamese sample content…`);
  await strapi.store.set({ type: 'core', key: STATE_KEY, value: 'running' });
  await new SampleLoader(strapi, options.content ?? sampleContent).run();
  await strapi.store.set({ type: 'core', key: STATE_KEY, value: 'done' });
  strapi.log.info('[seed] sample content loaded');
  return decision;
}

async function databaseHasContent(strapi: Core.Strapi): Promise<boolean> {
  for (const uid of NEWS_CONTENT_TYPES) {
    if ((await strapi.db.query(uid).count()) > 0) return true;
  }
  return false;
}

class SampleLoader {
  private readonly ids = {
    category: new Map() as Ids,
    agency: new Map() as Ids,
    legalDocument: new Map() as Ids,
    movement: new Map() as Ids,
    bloc: new Map() as Ids,
    article: new Map() as Ids,
  };

  constructor(
    private readonly strapi: Core.Strapi,
    private readonly content: SampleContent
  ) {}

  /** Slugs come from the vietnamese-text plugin, the same rules as every other write. */
  private slug(text: string): string {
    return this.strapi.plugin('vietnamese-text').service('slugs').make(text);
  }

  async run(): Promise<void> {
    const { categories, agencies, legalDocuments, movements, blocs, articles } = this.content;
    for (const c of categories) {
      await this.upsert('api::category.category', this.ids.category, c.key, c.name, (lang) => ({
        name: c.name[lang],
        description: c.description[lang],
        order: c.order,
      }));
    }
    for (const a of agencies) {
      await this.upsert('api::agency.agency', this.ids.agency, a.key, a.name, (lang) => ({
        name: a.name[lang],
        shortName: a.shortName[lang],
        website: a.website,
        description: a.description[lang],
      }));
    }
    // Before movements and articles, which link to them; a replaced document comes first.
    for (const d of legalDocuments) {
      const file = d.file ? await this.attachment(d.file, `${d.number} – ${d.title.vi}`) : null;
      await this.upsert('api::legal-document.legal-document', this.ids.legalDocument, d.key, d.title, (lang) => ({
        number: d.number,
        title: d.title[lang],
        kind: d.kind,
        field: d.field,
        issuer: d.issuer ? this.ref('agency', d.issuer) : null,
        issuerName: d.issuerName ?? null,
        signer: d.signer ?? null,
        signerTitle: d.signerTitle ?? null,
        issuedOn: d.issuedOn,
        effectiveFrom: d.effectiveFrom ?? null,
        expiresOn: d.expiresOn ?? null,
        replaces: (d.replaces ?? []).map((k) => this.ref('legalDocument', k)),
        // The original is in Vietnamese: both languages attach it.
        files: file ? [file] : [],
      }));
    }
    for (const m of movements) {
      await this.upsert('api::movement.movement', this.ids.movement, m.key, m.name, (lang) => ({
        name: m.name[lang],
        description: m.description[lang],
        directive: m.directive,
        startDate: m.startDate,
        endDate: m.endDate,
        launchedBy: this.ref('agency', m.launchedBy),
        directives: (m.directives ?? []).map((k) => this.ref('legalDocument', k)),
      }));
    }
    for (const b of blocs) {
      await this.upsert('api::bloc.bloc', this.ids.bloc, b.key, b.name, (lang) => ({
        name: b.name[lang],
        kind: b.kind,
        description: b.description[lang],
        members: b.members.map((k) => this.ref('agency', k)),
        movements: b.movements.map((k) => this.ref('movement', k)),
        terms: b.terms.map((t) => ({
          year: t.year,
          leader: this.ref('agency', t.leader),
          deputy: this.ref('agency', t.deputy),
          pledgeSignedOn: t.pledgeSignedOn,
          notes: t.notes[lang] ?? t.notes.vi,
        })),
      }));
    }
    // Oldest first, so ids grow with datelines like real newsroom history.
    const ordered = [...articles].sort((a, b) => a.dateline.localeCompare(b.dateline));
    // Image resizing is most of the load time; a few at once use both cores.
    const covers: number[] = [];
    for (let i = 0; i < ordered.length; i += COVER_CONCURRENCY) {
      const batch = ordered.slice(i, i + COVER_CONCURRENCY);
      covers.push(...(await Promise.all(batch.map((a, j) => this.cover(a, i + j)))));
    }
    for (const [i, a] of ordered.entries()) {
      await this.upsert('api::article.article', this.ids.article, a.key, a.title, (lang) => this.articleData(a, lang, covers[i]));
    }
    // "Tin khác" picked by hand point at other articles, so they are linked once all exist.
    for (const a of articles) {
      const documentId = this.ids.article.get(a.key);
      if (!a.related?.length || !documentId) continue;
      const data: Data = { related: a.related.map((k) => this.ref('article', k)) };
      await this.strapi.documents('api::article.article').update({ documentId, locale: 'vi', status: 'published', data });
    }
  }

  private articleData(a: SeedArticle, lang: 'vi' | 'en', coverId: number): Data {
    const seo = a.seo && {
      metaTitle: a.seo.metaTitle?.[lang],
      metaDescription: a.seo.metaDescription?.[lang],
      noIndex: false,
    };
    return {
      title: a.title[lang],
      summary: a.summary[lang],
      body: toStrapiBlocks(a.body[lang] ?? []),
      author: a.author,
      dateline: new Date(a.dateline).toISOString(),
      cover: coverId,
      coverCaption: a.coverCaption[lang],
      category: this.ref('category', a.category),
      blocs: a.blocs.map((k) => this.ref('bloc', k)),
      agencies: a.agencies.map((k) => this.ref('agency', k)),
      movements: a.movements.map((k) => this.ref('movement', k)),
      legalDocuments: (a.legalDocuments ?? []).map((k) => this.ref('legalDocument', k)),
      ...(seo ? { seo } : {}),
    };
  }

  private ref(kind: keyof SampleLoader['ids'], key: string): string {
    const id = this.ids[kind].get(key);
    if (!id) throw new Error(`sample content: unknown ${kind} "${key}"`);
    return id;
  }

  /**
   * Creates and publishes the Vietnamese document (found by slug when it already exists),
   * then its English version when the sample has one.
   */
  private async upsert(
    uid: UID.ContentType,
    ids: Ids,
    key: string,
    title: LocalizedText,
    build: (lang: 'vi' | 'en') => Data
  ): Promise<void> {
    const docs = this.strapi.documents(uid);
    // Found again by slug when a load is resumed; the plugin makes the slug on create.
    const slug = this.slug(title.vi);
    let existing = await docs.findFirst({ locale: 'vi', status: 'draft', filters: { slug } });
    if (!existing) {
      existing = await docs.create({ locale: 'vi', status: 'published', data: build('vi') });
    }
    ids.set(key, existing.documentId);

    if (title.en) {
      const en = await docs.findOne({ documentId: existing.documentId, locale: 'en', status: 'draft' });
      if (!en) {
        await docs.update({
          documentId: existing.documentId,
          locale: 'en',
          status: 'published',
          data: build('en'),
        });
      }
    }
  }

  /** A file of src/seed/files (a văn bản's PDF), uploaded once (found again by file name on a resumed run). */
  private async attachment(name: string, caption: string): Promise<number> {
    const found = await this.strapi.db.query('plugin::upload.file').findOne({ where: { name }, select: ['id'] });
    if (found) return found.id as number;
    const filepath = path.join(this.strapi.dirs.app.root, 'src', 'seed', 'files', name);
    const { size } = await fs.stat(filepath);
    const [file] = await this.strapi
      .plugin('upload')
      .service('upload')
      .upload({
        data: { fileInfo: { name, caption } },
        files: { filepath, originalFilename: name, mimetype: 'application/pdf', size },
      });
    return file.id as number;
  }

  /** The generated cover of an article, uploaded once (found again by file name on a resumed run). */
  private async cover(a: SeedArticle, variant: number): Promise<number> {
    const name = `${this.slug(a.title.vi).slice(0, 60).replace(/-+$/, '')}.jpg`;
    const found = await this.strapi.db.query('plugin::upload.file').findOne({ where: { name }, select: ['id'] });
    if (found) return found.id as number;

    const buffer = await renderCover(a.palette, variant);
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tdkt-seed-'));
    const filepath = path.join(dir, name);
    try {
      await fs.writeFile(filepath, buffer);
      const [file] = await this.strapi
        .plugin('upload')
        .service('upload')
        .upload({
          data: { fileInfo: { name, alternativeText: a.coverAlt.vi, caption: a.coverCaption.vi } },
          files: { filepath, originalFilename: name, mimetype: 'image/jpeg', size: buffer.length },
        });
      return file.id as number;
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }
}
