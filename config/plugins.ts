import type { Core } from '@strapi/strapi';
import { ensureSecrets, secretValue } from '../src/env/ensure-secrets';
import { ensureUploadStorage, uploadPluginConfig } from '../src/media/upload-storage';
import { privateAttributeNames, stripProperties } from '../src/documentation/private-fields';
import { nestedSortGuard } from '../src/graphql/nested-sort';
import { nulGuard } from '../src/graphql/nul-guard';
import { costLimitPlugin } from '../src/graphql/query-cost';
import { fixGeneratedDocument } from '../src/documentation/fix-generated';
import { NEWS_CONTENT_TYPES } from '../src/bootstrap/content-types';
import { heavyReads } from '../src/security/heavy-gate';
import { isPublishedRead, websiteTokenId } from '../src/security/website-token';

/** Strapi's page sizes for GraphQL lists; the cost limit assumes them for lists without a page size. */
const GRAPHQL_DEFAULT_LIMIT = 25;
const GRAPHQL_MAX_LIMIT = 100;

/** Heavy GraphQL operations take turns with heavy REST reads (src/security/heavy-gate.ts). */
const heavyGraphql = () => {
  const { gate, settings } = heavyReads();
  return { minCost: settings.minCost, gate };
};

/** Fields of a linked entry on a page: its name and slug, and what else the card shows. */
const link = (extra: string[] = []) => ({ fields: ['name', 'slug', ...extra] });

/** Fields of a văn bản in a list of documents (its replacement chain, related documents). */
const LEGAL_CARD = ['number', 'title', 'slug', 'kind', 'issuedOn', 'effectiveFrom', 'expiresOn', 'locale', 'publishedAt'];

/** The website's pages served by the newsroom plugin (see its README). */
const NEWSROOM_PAGES = {
  article: {
    uid: 'api::article.article',
    route: '/articles/by-slug',
    path: '/tin-tuc/{slug}',
    sitemap: 'articles',
    populate: {
      cover: true,
      gallery: true,
      category: link(),
      blocs: link(['kind']),
      agencies: link(['shortName']),
      movements: link(),
      related: { fields: ['title', 'slug', 'dateline', 'locale', 'publishedAt'], populate: { cover: true } },
      seo: { populate: { ogImage: true } },
    },
  },
  'legal-document': {
    uid: 'api::legal-document.legal-document',
    route: '/legal-documents/by-slug',
    path: '/van-ban/{slug}',
    sitemap: 'documents',
    populate: {
      files: true,
      issuer: link(['shortName']),
      // The replacement chain both ways and the editor's related documents, as cards.
      replaces: { fields: LEGAL_CARD },
      replacedBy: { fields: LEGAL_CARD },
      related: { fields: LEGAL_CARD },
      movements: link(),
    },
    // The published articles citing it, newest first and paged, like a section's.
    stories: 'legalDocuments',
    // Its validity today and schema.org Legislation data (src/api/legal-document/services).
    extras: 'api::legal-document.legal-document',
  },
  category: { uid: 'api::category.category', route: '/categories/by-slug', path: '/chuyen-muc/{slug}', sitemap: 'categories', populate: {}, stories: 'category' },
  bloc: {
    uid: 'api::bloc.bloc',
    route: '/blocs/by-slug',
    path: '/khoi-thi-dua/{slug}',
    sitemap: 'blocs',
    populate: {
      members: { ...link(['shortName']), populate: { logo: true } },
      movements: link(),
      terms: { populate: { leader: link(['shortName']), deputy: link(['shortName']) } },
    },
    stories: 'blocs',
    // The bloc's leader and deputy of the current year.
    currentTerm: { field: 'terms', year: 'year' },
  },
  agency: {
    uid: 'api::agency.agency',
    route: '/agencies/by-slug',
    path: '/co-quan/{slug}',
    sitemap: 'agencies',
    populate: { logo: true, blocs: link(['kind']), movements: link(['startDate', 'endDate']) },
    stories: 'agencies',
  },
  movement: {
    uid: 'api::movement.movement',
    route: '/movements/by-slug',
    path: '/phong-trao/{slug}',
    sitemap: 'movements',
    populate: { cover: true, launchedBy: link(['shortName']), blocs: link(['kind']) },
    stories: 'movements',
  },
};

const ARTICLE = NEWSROOM_PAGES.article.uid;
const PAGE_TYPES = Object.values(NEWSROOM_PAGES).map((p) => p.uid);

/**
 * Routes that enumerate content (api-cache `lists`): they are refreshed when a document of those
 * types changes publicly; Strapi's own `GET /api/<type>` lists the plugin finds by itself. Pages
 * listing stories ("Tin khác" under an article, a section's latest articles) show the `documentId`
 * of each card, so only a change of which stories they list (`membership` below) refreshes them.
 * Section pages also show relations written from the other side (a văn bản's `replacedBy` and
 * `movements`, an agency's `blocs`): a document appearing there for the first time is not yet on
 * the page, so its write cannot name the page. Any public change of a page type (other than an
 * article's that moves no story) refreshes them; those types change a few times a week.
 */
const CACHE_LISTS = [
  { path: '/api/feeds/', types: [ARTICLE] },
  { path: '/api/news-sitemap.xml', types: [ARTICLE] },
  { path: '/api/sitemap', types: PAGE_TYPES },
  { path: '/api/search', types: PAGE_TYPES },
  ...Object.values(NEWSROOM_PAGES)
    .filter((page) => page.uid === ARTICLE || 'stories' in page)
    .map((page) => ({ path: `/api${page.route}/`, types: page.uid === ARTICLE ? [ARTICLE] : PAGE_TYPES, scope: 'membership' as const })),
];

/**
 * The website's pages a change affects (revalidate `types`): an entry's own page, the pages of the
 * sections it appears on, and for a story the home page and the site's feeds.
 */
const SITE_PAGES = Object.fromEntries(
  Object.values(NEWSROOM_PAGES).map((page) =>
    page.uid === ARTICLE
      ? [page.uid, { path: page.path, relations: ['category', 'blocs', 'agencies', 'movements', 'legalDocuments'], also: ['/', '/rss.xml', '/atom.xml', '/feed.json'] }]
      : [page.uid, { path: page.path }]
  )
);

/** A comma-separated env list. */
const list = (raw: string): string[] => raw.split(',').map((s) => s.trim()).filter(Boolean);

/** IMAGE_FORMATS: a comma list of extra formats, or "none". The plugin's validator refuses others. */
const imageFormats = (raw: string): string[] =>
  raw.trim().toLowerCase() === 'none' ? [] : raw.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => {
  ensureSecrets();
  ensureUploadStorage();
  return {
    // Local disk (PUBLIC_DIR) unless UPLOAD_PROVIDER=s3 (docs/operations.md, "Object storage").
    upload: { config: uploadPluginConfig(process.env) },
    // First, so its Document Service hook wraps every other plugin's: a write invalidates the
    // cache only after all of them (slugs, search index…) are done.
    'api-cache': {
      enabled: env('API_CACHE', 'on') !== 'off',
      resolve: './src/plugins/api-cache',
      config: {
        maxBytes: env.int('API_CACHE_MAX_BYTES', 64 * 1024 * 1024),
        maxAge: env.int('API_CACHE_MAX_AGE', 0),
        sMaxAge: env.int('API_CACHE_S_MAXAGE', 60),
        staleWhileRevalidate: env.int('API_CACHE_STALE_WHILE_REVALIDATE', 30),
        // Several instances behind a load balancer share one cache (and its invalidations) here.
        redisUrl: env('CACHE_REDIS_URL', ''),
        redisPrefix: env('CACHE_REDIS_PREFIX', 'api-cache:'),
        // flush-all: any write empties the cache (the behaviour before tags; the bench compares both).
        invalidation: env('API_CACHE_INVALIDATION', 'precise'),
        // Their `GET /api/<pluralName>` lists are tagged with the type; the other lists here.
        contentTypes: [...NEWS_CONTENT_TYPES],
        lists: CACHE_LISTS,
        // A website's read-only token reading published content shares the public cache
        // (src/security/website-token.ts); `status=draft` previews go on with the token, uncached.
        // Runs per request, so the global `strapi` is there.
        anonymousRead: async (req: { method: string; headers: Record<string, string | string[] | undefined>; query: unknown }) =>
          isPublishedRead(req.method, req.query) && (await websiteTokenId(strapi, req.headers.authorization)) !== null,
        // Story lists are newest first by dateline and narrowed by these relations (newsroom
        // `story.relatedBy`, section pages): an update leaving them alone moves no story in a list.
        membership: { [ARTICLE]: ['dateline', 'category', 'blocs', 'movements', 'agencies', 'legalDocuments'] },
      },
    },
    // After api-cache: it turns the public changes api-cache finds into signed webhooks.
    revalidate: {
      enabled: true,
      resolve: './src/plugins/revalidate',
      config: {
        urls: list(env('REVALIDATE_WEBHOOK_URLS', '')),
        secret: env('REVALIDATE_WEBHOOK_SECRET', ''),
        siteUrl: env('PUBLIC_SITE_URL', 'http://localhost:3000'),
        localePrefix: { en: '/en' },
        types: SITE_PAGES,
        pollMs: env.int('REVALIDATE_POLL_MS', 1000),
        intentDelayMs: env.int('REVALIDATE_INTENT_DELAY_MS', 30_000),
      },
    },
    // The audit log (issue 15): who did what, when, from where; Settings → "Nhật ký hoạt động".
    editorial: {
      enabled: true,
      resolve: './src/plugins/editorial',
      config: {
        retentionDays: env.int('AUDIT_RETENTION_DAYS', 365),
        // Drafts of these types go through review stages (Bản nháp → Chờ duyệt → Đã duyệt / Trả lại).
        review: { contentTypes: ['api::article.article'] },
        // Content history: every write of these types stores a version (Lịch sử phiên bản); older
        // than keepAllDays, one a day per document and locale is kept, published versions always.
        history: { contentTypes: [...NEWS_CONTENT_TYPES], keepAllDays: env.int('HISTORY_KEEP_ALL_DAYS', 90) },
      },
    },
    graphql: {
      config: {
        endpoint: '/graphql',
        // The playground (Apollo's landing page) only outside production.
        landingPage: env('NODE_ENV', 'development') !== 'production',
        depthLimit: env.int('GRAPHQL_DEPTH_LIMIT', 7),
        // Strapi 5's names for what v4 called amountLimit.
        defaultLimit: GRAPHQL_DEFAULT_LIMIT,
        maxLimit: GRAPHQL_MAX_LIMIT,
        apolloServer: {
          // Apollo's own body parser (Strapi's skips /graphql): a chunked body without a length is
          // cut here; global::query-bounds refuses a declared length over GRAPHQL_MAX_BYTES earlier.
          bodyParserConfig: { jsonLimit: env.int('GRAPHQL_MAX_BYTES', 16 * 1024) + 1024 },
          // Added to Strapi's own Apollo plugins (the plugin concatenates arrays): a nested relation
          // sorted through a further relation is a 400 here instead of Strapi's invalid SQL; no
          // complexity option in the plugin: costLimitPlugin refuses, before anything is resolved,
          // a query with too many aliases or costing more than the limit (fields × page sizes of
          // the lists above them, plus GRAPHQL_FETCH_COST per resolver reading rows).
          plugins: [
            nestedSortGuard,
            // NUL in an argument: a 400 here, as in a REST query string, not PostgreSQL's 500.
            nulGuard,
            costLimitPlugin({
              maxCost: env.int('GRAPHQL_MAX_COST', 5000),
              maxAliases: env.int('GRAPHQL_MAX_ALIASES', 30),
              fetchCost: env.int('GRAPHQL_FETCH_COST', 10),
              defaultListSize: GRAPHQL_DEFAULT_LIMIT,
              maxListSize: GRAPHQL_MAX_LIMIT,
            }, heavyGraphql()),
          ],
          // Schema introspection is what the playground and codegen use; a production API keeps it
          // off unless asked for.
          introspection: env('NODE_ENV', 'development') !== 'production' || env.bool('GRAPHQL_INTROSPECTION', false),
        },
      },
    },
    documentation: {
      // Off in production unless a password protects it: the document lists every route and
      // parameter, a map for anyone probing the API. In development it is open (a local tool).
      enabled: env('NODE_ENV', 'development') !== 'production' || env('DOCUMENTATION_PASSWORD', '') !== '',
      config: {
        openapi: '3.0.0',
        info: {
          version: '1.0.0',
          title: 'API Tin Thi đua – Khen thưởng / Emulation and commendation news API',
          description:
            'API công khai, chỉ đọc, của cổng tin Thi đua – Khen thưởng: bài viết, chuyên mục, khối/cụm thi đua, cơ quan, phong trào (chỉ bản đã xuất bản), trang theo slug, RSS/Atom/JSON Feed, sitemap và tìm kiếm tiếng Việt.\n\n' +
            'Public read-only API of the emulation and commendation news portal: articles, categories, blocs, agencies, movements (published versions only), pages by slug, feeds, sitemaps and Vietnamese search.',
          contact: { name: env('SITE_NAME', 'Cổng thông tin Thi đua – Khen thưởng'), url: env('PUBLIC_SITE_URL', 'http://localhost:3000') },
          license: { name: 'UNLICENSED' },
        },
        // Empty: the plugin uses server.absoluteUrl + /api, which is PUBLIC_URL when set.
        servers: env('PUBLIC_URL', '') ? [{ url: `${env('PUBLIC_URL')}/api`, description: 'Public API' }] : [],
        'x-strapi-config': {
          plugins: ['upload', 'users-permissions'],
          // The plugin's defaults (placeholder terms URL, a sample e-mail, Apache licence) would be merged in.
          mutateDocumentation: (draft: {
            info: { termsOfService?: string; contact?: { email?: string }; license?: { url?: string } };
            paths: Record<string, unknown>;
            components: { schemas?: Record<string, unknown> };
          }) => {
            // Runs while the app generates the document, so the global `strapi` is there.
            stripProperties(draft.components.schemas, privateAttributeNames(strapi));
            fixGeneratedDocument(draft);
            // Sign-ups are closed (src/bootstrap/public-permissions.ts).
            delete draft.paths['/auth/local/register'];
            delete draft.info.termsOfService;
            delete draft.info.contact?.email;
            delete draft.info.license?.url;
          },
        },
      },
    },
    'users-permissions': {
      config: { jwtSecret: secretValue('JWT_SECRET') },
    },
    'vietnamese-text': {
      enabled: true,
      resolve: './src/plugins/vietnamese-text',
      config: {
        contentTypes: {
          'api::article.article': { field: 'slug', source: 'title' },
          'api::category.category': { field: 'slug', source: 'name' },
          'api::bloc.bloc': { field: 'slug', source: 'name' },
          'api::agency.agency': { field: 'slug', source: 'name' },
          'api::movement.movement': { field: 'slug', source: 'name' },
          'api::legal-document.legal-document': { field: 'slug', source: 'title' },
        },
        slug: { maxLength: env.int('SLUG_MAX_LENGTH', 80), ampersand: '' },
        search: {
          contentTypes: {
            'api::article.article': { title: 'title', text: ['summary', 'body', 'author'], excerpt: 'summary', date: 'dateline' },
            'api::category.category': { title: 'name', text: ['description'] },
            'api::bloc.bloc': { title: 'name', text: ['description'] },
            'api::agency.agency': { title: 'name', text: ['shortName', 'description'] },
            'api::movement.movement': { title: 'name', text: ['description', 'directive'] },
            // extraText: the words of the attached PDFs (src/media/pdf-text), read in the background.
            'api::legal-document.legal-document': { title: 'title', text: ['number', 'field', 'issuerName', 'signer'], date: 'issuedOn', extraText: 'api::legal-document.legal-document' },
          },
          maxPageSize: 50,
        },
      },
    },
    // Background jobs in a database table (image formats now): before the plugins registering handlers.
    jobs: {
      enabled: true,
      resolve: './src/plugins/jobs',
      config: {
        pollMs: env.int('JOBS_POLL_MS', 1000),
        leaseMs: env.int('JOBS_LEASE_MS', 30_000),
        maxAttempts: env.int('JOBS_MAX_ATTEMPTS', 5),
      },
    },
    'image-pipeline': {
      // IMAGE_PIPELINE=off leaves Strapi's upload as shipped (the benchmark's baseline).
      enabled: env('IMAGE_PIPELINE', 'on') !== 'off',
      resolve: './src/plugins/image-pipeline',
      config: {
        maxEdge: env.int('IMAGE_MAX_EDGE', 2560),
        maxPixels: env.int('IMAGE_MAX_PIXELS', 50_000_000),
        // Extra encodes of every size ("webp,avif", or "none"); the tests that are not about images
        // turn them off (AVIF was ~1 s a picture on a 2-core machine).
        formats: imageFormats(env('IMAGE_FORMATS', 'webp,avif')),
        requireAltText: { 'api::article.article': ['cover'] },
      },
    },
    newsroom: {
      enabled: true,
      resolve: './src/plugins/newsroom',
      config: {
        siteUrl: env('PUBLIC_SITE_URL', 'http://localhost:3000'),
        // Media URLs on the same base as REST and GraphQL answers (global::absolute-media).
        mediaUrl: env('PUBLIC_MEDIA_URL', ''),
        siteName: env('SITE_NAME', 'Cổng thông tin Thi đua – Khen thưởng'),
        publisher: { name: env('SITE_NAME', 'Cổng thông tin Thi đua – Khen thưởng'), logo: env('SITE_LOGO', '/logo.png') },
        // The site's pages: where each lives on the website, its by-slug route here, what it shows.
        pages: NEWSROOM_PAGES,
        story: { page: 'article', relatedBy: ['blocs', 'movements', 'category'], section: 'category', keywords: ['blocs', 'movements'] },
        // Old slugs redirect (301) through the vietnamese-text plugin's slug registry.
        slugHistory: 'vietnamese-text.slugs',
        // URLs per sitemap file: the protocol's 50,000 by default.
        sitemapUrlsPerPart: env.int('SITEMAP_URLS_PER_PART', 50_000),
        scheduling: {
          enabled: env.bool('SCHEDULED_PUBLISHING', true),
          // Every 20 s: a scheduled article goes out at most 20 s late, at one indexed query a tick.
          rule: env('SCHEDULER_RULE', '*/20 * * * * *'),
          contentTypes: { 'api::article.article': { publishAt: 'publishAt', unpublishAt: 'unpublishAt' } },
        },
      },
    },
  };
};

export default config;
