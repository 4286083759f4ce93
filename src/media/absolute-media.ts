/**
 * One URL form for media: every file URL in an answer is absolute, on PUBLIC_MEDIA_URL (default
 * the server's public URL). The local upload provider stores "/uploads/…", so `cover`, `formats`
 * and related items were relative while JSON-LD, Open Graph and feeds were absolute: a website
 * had to know which was which. URLs already absolute (an S3 or CDN provider) stay as they are.
 */

/** `url` on `base` when it is a path ("/uploads/a.jpg"); anything else unchanged. */
export function absoluteMediaUrl(base: string, url: string): string {
  if (!url.startsWith('/') || url.startsWith('//')) return url;
  return `${base.replace(/\/+$/, '')}${url}`;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * A media file or one of its formats, as Strapi and our plugins answer them: a string `url` next
 * to a string `mime`. Nothing else in our answers pairs the two keys.
 */
const isMedia = (value: Record<string, unknown>) => typeof value.url === 'string' && typeof value.mime === 'string';

/** Makes every media URL in an answer absolute, in place; returns how many it changed. */
export function makeMediaAbsolute(body: unknown, base: string): number {
  let changed = 0;
  const visit = (node: unknown, depth: number): void => {
    // Answers are bounded (populate depth ≤ 5, request-bounds): 64 levels is far beyond any.
    if (!isRecord(node) || depth > 64) return;
    if (Array.isArray(node)) {
      for (const child of node) visit(child, depth + 1);
      return;
    }
    if (isMedia(node)) {
      for (const key of ['url', 'previewUrl'] as const) {
        const url = node[key];
        if (typeof url !== 'string') continue;
        const absolute = absoluteMediaUrl(base, url);
        if (absolute !== url) {
          node[key] = absolute;
          changed += 1;
        }
      }
    }
    for (const value of Object.values(node)) visit(value, depth + 1);
  };
  visit(body, 0);
  return changed;
}

/** PUBLIC_MEDIA_URL when set, else the server's public URL (Strapi's `server.absoluteUrl`). */
export const mediaBase = (configured: string | undefined, serverUrl: string): string => (configured ? configured : serverUrl).replace(/\/+$/, '');
