import { DOCUMENT_TYPES } from '../utils/containers';
import type { ExtraFormat } from '../utils/derivatives';

export interface PluginConfig {
  /** Longest edge of the stored original, in pixels. */
  maxEdge: number;
  /** Decoded size above which an upload is refused (decompression bombs), in pixels. */
  maxPixels: number;
  /** Formats made besides the original's for every size. */
  formats: ExtraFormat[];
  /** The social-card crop (Open Graph), or null for none. Made for every image, enlarged if need be. */
  social: { width: number; height: number } | null;
  /**
   * Aspect crops for structured data (NewsArticle JSON-LD images), by their key in `formats`, in
   * the original format only. Centred on the focal point like `social`; skipped for an image too
   * small to give one without enlarging.
   */
  crops: Record<string, { width: number; height: number }>;
  /** Uploads whose original is processed at the same time (the rest wait): bounds memory. */
  concurrency: number;
  /** Longest edge of the inline blurred placeholder. */
  placeholderSize: number;
  /** What may be uploaded, by sniffed type. SVG is never accepted (it can carry scripts). */
  allowedTypes: string[];
  /** Media fields that need alternative text before their entry can be published. */
  requireAltText: Record<string, string[]>;
}

export const defaultConfig: PluginConfig = {
  maxEdge: 2560,
  maxPixels: 50_000_000,
  formats: ['webp', 'avif'],
  social: { width: 1200, height: 630 },
  crops: { wide: { width: 1200, height: 675 }, standard: { width: 1200, height: 900 }, square: { width: 1200, height: 1200 } },
  concurrency: 2,
  placeholderSize: 16,
  allowedTypes: [
    'image/jpeg',
    'image/png',
    'image/webp',
    'image/avif',
    'image/gif',
    'application/pdf',
    // Office documents without macros (văn bản are published as DOCX, XLSX, ODT, DOC, XLS too).
    ...Object.values(DOCUMENT_TYPES).map((type) => type.mime),
  ],
  requireAltText: {},
};

const fail = (message: string): never => {
  throw new Error(`[image-pipeline] invalid config: ${message}`);
};
const positiveInt = (v: unknown, name: string, min: number, max: number) => {
  if (!Number.isInteger(v) || (v as number) < min || (v as number) > max) fail(`${name} must be an integer from ${min} to ${max}`);
};

export function validateConfig(config: PluginConfig): void {
  positiveInt(config.maxEdge, 'maxEdge', 256, 16384);
  positiveInt(config.maxPixels, 'maxPixels', 1_000_000, 500_000_000);
  positiveInt(config.placeholderSize, 'placeholderSize', 4, 64);
  if (!Array.isArray(config.formats) || config.formats.some((f) => f !== 'webp' && f !== 'avif')) fail('formats may hold "webp" and "avif"');
  positiveInt(config.concurrency, 'concurrency', 1, 16);
  const crops: [string, PluginConfig['social']][] = [['social', config.social], ...Object.entries(config.crops ?? {})];
  for (const [key, crop] of crops) {
    if (key === 'social' && crop === null) continue;
    if (!/^[a-z][a-z0-9]*$/.test(key) || key === 'thumbnail') fail(`crops["${key}"]: a crop key is a lower-case word other than "thumbnail"`);
    positiveInt(crop?.width, `${key}.width`, 100, 4000);
    positiveInt(crop?.height, `${key}.height`, 100, 4000);
  }
  if (!Array.isArray(config.allowedTypes)) fail('allowedTypes must be a list of MIME types');
  if (config.allowedTypes.includes('image/svg+xml')) fail('SVG cannot be allowed: it can carry scripts');
  for (const [uid, fields] of Object.entries(config.requireAltText ?? {})) {
    if (!Array.isArray(fields)) fail(`requireAltText["${uid}"] must be a list of media fields`);
  }
}

export default { default: defaultConfig, validator: validateConfig };
