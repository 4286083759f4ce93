import type { Core } from '@strapi/strapi';
import { ensureSecrets } from '../src/env/ensure-secrets';

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
