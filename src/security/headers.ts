import { storageMediaOrigins } from '../media/upload-storage';
import { originOf, parseOrigins } from './origins';

type Env = Record<string, string | undefined>;

/**
 * strapi::security (helmet) settings. Directive values are strings, not arrays: Strapi merges its
 * own defaults in with lodash defaultsDeep, which would mix arrays index by index (and bring back
 * the Strapi market's image host).
 */
export function securityConfig(env: Env) {
  const production = env.NODE_ENV === 'production';
  // Images and videos may come from an object store or CDN (MEDIA_ORIGIN, comma list), and
  // always from S3_PUBLIC_URL when uploads are stored there (the admin's media library shows them).
  const listed = parseOrigins(env.MEDIA_ORIGIN, 'MEDIA_ORIGIN').filter((o) => o !== '*');
  const media = [...new Set([...listed, ...storageMediaOrigins(env)])];
  // The admin's preview shows the public website in a frame.
  const site = originOf(env.PUBLIC_SITE_URL, 'PUBLIC_SITE_URL');
  const list = (...values: string[]) => values.join(' ');
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': list("'self'"),
        'base-uri': list("'self'"),
        'script-src': list("'self'"),
        // The admin (styled-components) writes inline styles.
        'style-src': list("'self'", "'unsafe-inline'"),
        'img-src': list("'self'", 'data:', 'blob:', ...media),
        'media-src': list("'self'", 'data:', 'blob:', ...media),
        'connect-src': list("'self'", ...media),
        'font-src': list("'self'", 'data:'),
        'object-src': list("'none'"),
        'form-action': list("'self'"),
        'frame-src': list("'self'", ...site),
        'frame-ancestors': list("'self'"),
        'script-src-attr': list("'none'"),
        // No upgrade-insecure-requests: plain-HTTP deployments (an intranet) must still load their images.
      },
    },
    // Browsers remember HSTS for a year: only where TLS is certain.
    hsts: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    frameguard: { action: 'sameorigin' },
    noSniff: true,
  };
}

/**
 * strapi::cors settings. CORS_ORIGINS lists the websites allowed to call the API from a browser;
 * unset, development allows any origin and production none. Cookies and Authorization are only
 * allowed (credentials) for listed origins, never with "*".
 */
export function corsConfig(env: Env) {
  const listed = parseOrigins(env.CORS_ORIGINS, 'CORS_ORIGINS');
  const origin = listed.length > 0 ? listed : env.NODE_ENV === 'production' ? [] : ['*'];
  return {
    origin,
    credentials: origin.length > 0 && !origin.includes('*'),
    headers: ['Content-Type', 'Authorization', 'Origin', 'Accept', 'If-None-Match'],
    expose: ['ETag', 'X-Cache', 'Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'],
    maxAge: 86_400,
  };
}
