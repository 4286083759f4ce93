/** Output formats besides the original's own. */
export type ExtraFormat = 'webp' | 'avif';

export interface Derivative {
  /** The key under `formats` in the API: "small", "small_webp", "social_avif"… */
  key: string;
  /** Which size it is. */
  size: string;
  /** Encoded as the original's format (null) or as this one. */
  format: ExtraFormat | null;
  resize: { width: number; height: number; fit: 'inside' | 'cover' };
}

/**
 * Every derivative an image of this size gets: each breakpoint smaller than the image (and the
 * thumbnail) in the original format plus each extra format, and the social card. The original-format
 * thumbnail and breakpoints are left out when Strapi makes them itself (`includeOriginalFormat: false`).
 */
export function planDerivatives(
  image: { width: number; height: number },
  opts: {
    breakpoints: Record<string, number>;
    thumbnail: { width: number; height: number };
    social: { width: number; height: number } | null;
    formats: ExtraFormat[];
    includeOriginalFormat: boolean;
  }
): Derivative[] {
  const out: Derivative[] = [];
  const add = (size: string, resize: Derivative['resize']) => {
    if (opts.includeOriginalFormat) out.push({ key: size, size, format: null, resize });
    for (const format of opts.formats) out.push({ key: `${size}_${format}`, size, format, resize });
  };
  const larger = (w: number, h: number) => image.width > w || image.height > h;
  if (larger(opts.thumbnail.width, opts.thumbnail.height)) add('thumbnail', { ...opts.thumbnail, fit: 'inside' });
  for (const [size, edge] of Object.entries(opts.breakpoints)) {
    if (larger(edge, edge)) add(size, { width: edge, height: edge, fit: 'inside' });
  }
  if (opts.social) {
    out.push({ key: 'social', size: 'social', format: null, resize: { ...opts.social, fit: 'cover' } });
    for (const format of opts.formats) out.push({ key: `social_${format}`, size: 'social', format, resize: { ...opts.social, fit: 'cover' } });
  }
  return out;
}
