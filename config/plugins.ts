import type { Core } from '@strapi/strapi';
import { ensureSecrets } from '../src/env/ensure-secrets';
import { privateAttributeNames, stripProperties } from '../src/documentation/private-fields';
import { nestedSortGuard } from '../src/graphql/nested-sort';
import { costLimitRule } from '../src/graphql/query-cost';

/** Strapi's page sizes for GraphQL lists; the cost limit assumes them for lists without a page size. */
const GRAPHQL_DEFAULT_LIMIT = 25;
const GRAPHQL_MAX_LIMIT = 100;

/** IMAGE_FORMATS: a comma list of extra formats, or "none". The plugin's validator refuses others. */
const imageFormats = (raw: string): string[] =>
  raw.trim().toLowerCase() === 'none' ? [] : raw.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => {
  ensureSecrets();
  return {
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
          // No complexity option in the plugin: this rule refuses a query costing more than the
          // limit (fields × page sizes of the lists above them) before anything is resolved.
          validationRules: [
            costLimitRule(env.int('GRAPHQL_MAX_COST', 5000), { defaultListSize: GRAPHQL_DEFAULT_LIMIT, maxListSize: GRAPHQL_MAX_LIMIT }),
          ],
          // Added to Strapi's own Apollo plugins (the plugin concatenates arrays): a nested relation
          // sorted through a further relation is a 400 here instead of Strapi's invalid SQL.
          plugins: [nestedSortGuard],
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
      config: { jwtSecret: env('JWT_SECRET') },
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
        },
        slug: { maxLength: env.int('SLUG_MAX_LENGTH', 80), ampersand: '' },
        search: {
          contentTypes: {
            'api::article.article': { title: 'title', text: ['summary', 'body', 'author'], excerpt: 'summary', date: 'dateline' },
            'api::category.category': { title: 'name', text: ['description'] },
            'api::bloc.bloc': { title: 'name', text: ['description'] },
            'api::agency.agency': { title: 'name', text: ['shortName', 'description'] },
            'api::movement.movement': { title: 'name', text: ['description', 'directive'] },
          },
          maxPageSize: 50,
        },
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
        siteName: env('SITE_NAME', 'Cổng thông tin Thi đua – Khen thưởng'),
        publisher: { name: env('SITE_NAME', 'Cổng thông tin Thi đua – Khen thưởng'), logo: env('SITE_LOGO', '/logo.png') },
        scheduling: { enabled: env.bool('SCHEDULED_PUBLISHING', true), rule: '*/20 * * * * *' },
      },
    },
  };
};

export default config;
