import { focalCrop } from './focal';

/** Output formats besides the original's own. */
export type ExtraFormat = 'webp' | 'avif';

export interface Derivative {
  /** The key under `formats` in the API: "small", "small_webp", "social_avif", "wide"… */
  key: string;
  /** Which size it is. */
  size: string;
  /** Encoded as the original's format (null) or as this one. */
  format: ExtraFormat | null;
  resize: { width: number; height: number; fit: 'inside' | 'cover' };
}

type Box = { width: number; height: number };

/**
 * Every derivative an image of this size gets, in the order they are worth having: each
 * breakpoint smaller than the image (and the thumbnail), the social card and the aspect crops in
 * the original format first, then every WebP, then every AVIF. The social card is always made (an
 * Open Graph card has one size); an aspect crop only when the image holds it without enlarging.
 */
export function planDerivatives(
  image: Box,
  opts: {
    breakpoints: Record<string, number>;
    thumbnail: Box;
    social: Box | null;
    crops?: Record<string, Box>;
    formats: ExtraFormat[];
    includeOriginalFormat: boolean;
  }
): Derivative[] {
  const sizes: { size: string; resize: Derivative['resize']; extra: boolean }[] = [];
  const larger = (w: number, h: number) => image.width > w || image.height > h;
  if (larger(opts.thumbnail.width, opts.thumbnail.height)) sizes.push({ size: 'thumbnail', resize: { ...opts.thumbnail, fit: 'inside' }, extra: true });
  for (const [size, edge] of Object.entries(opts.breakpoints)) {
    if (larger(edge, edge)) sizes.push({ size, resize: { width: edge, height: edge, fit: 'inside' }, extra: true });
  }
  if (opts.social) sizes.push({ size: 'social', resize: { ...opts.social, fit: 'cover' }, extra: true });
  for (const [size, crop] of Object.entries(opts.crops ?? {})) {
    if (focalCrop(image, crop, { x: 0.5, y: 0.5 }).width >= crop.width) sizes.push({ size, resize: { ...crop, fit: 'cover' }, extra: false });
  }

  const out: Derivative[] = [];
  if (opts.includeOriginalFormat) for (const s of sizes) out.push({ key: s.size, size: s.size, format: null, resize: s.resize });
  for (const format of opts.formats) {
    for (const s of sizes.filter((x) => x.extra)) out.push({ key: `${s.size}_${format}`, size: s.size, format, resize: s.resize });
  }
  return out;
}
