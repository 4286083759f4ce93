/** A media file as Strapi returns it, reduced to what this plugin reads. */
export interface MediaFile {
  id?: number;
  documentId?: string;
  url: string;
  mime?: string;
  size?: number;
  width?: number | null;
  height?: number | null;
  alternativeText?: string | null;
  caption?: string | null;
  placeholder?: string | null;
  dominantColor?: string | null;
  formats?: Record<string, MediaFormat> | null;
}

export interface MediaFormat {
  url: string;
  mime?: string;
  width?: number;
  height?: number;
  /** Kilobytes (bytes / 1000, two decimals), as Strapi's upload records it. */
  size?: number;
  /** Bytes, which Strapi 5 records for each format (not for the original file). */
  sizeInBytes?: number;
}

/**
 * The byte length of a format: exact when recorded, else from Strapi's kilobytes, which are
 * bytes / 1000 (multiplying by 1024 made RSS enclosure lengths 2.4% too large).
 */
export function byteLength(format: MediaFormat): number | undefined {
  if (typeof format.sizeInBytes === 'number' && format.sizeInBytes > 0) return format.sizeInBytes;
  return format.size ? Math.round(format.size * 1000) : undefined;
}

export const isMediaFile = (value: unknown): value is MediaFile =>
  value !== null && typeof value === 'object' && typeof (value as { url?: unknown }).url === 'string';

/**
 * The public face of an image for a list item: what a card needs and nothing of the provider's
 * bookkeeping. `family` keeps one size with its WebP/AVIF siblings ("thumbnail", "thumbnail_webp"…).
 */
export function imageCard(file: unknown, family: string) {
  if (!isMediaFile(file)) return null;
  const formats: Record<string, MediaFormat> = {};
  for (const [key, format] of Object.entries(file.formats ?? {})) {
    if (key === family || key.startsWith(`${family}_`)) formats[key] = pickFormat(format);
  }
  return {
    url: file.url,
    mime: file.mime,
    width: file.width ?? null,
    height: file.height ?? null,
    alternativeText: file.alternativeText ?? null,
    placeholder: file.placeholder ?? null,
    dominantColor: file.dominantColor ?? null,
    formats,
  };
}

const pickFormat = (f: MediaFormat): MediaFormat => ({ url: f.url, mime: f.mime, width: f.width, height: f.height, size: f.size });

/** The format to show for a given purpose, falling back to the file itself. */
export function bestFormat(file: MediaFile, keys: string[]): MediaFormat {
  for (const key of keys) {
    const format = file.formats?.[key];
    if (format?.url) return format;
  }
  return { url: file.url, mime: file.mime, width: file.width ?? undefined, height: file.height ?? undefined, size: file.size };
}

/** Crops the image pipeline makes for structured data, by aspect: 16:9, 4:3, 1:1. */
export const CROP_KEYS = { wide: 'wide', standard: 'standard', square: 'square' } as const;
