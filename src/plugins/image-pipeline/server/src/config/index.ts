import type { ExtraFormat } from '../utils/derivatives';

export interface PluginConfig {
  /** Longest edge of the stored original, in pixels. */
  maxEdge: number;
  /** Decoded size above which an upload is refused (decompression bombs), in pixels. */
  maxPixels: number;
  /** Formats made besides the original's for every size. */
  formats: ExtraFormat[];
  /** The social-card crop (Open Graph), or null for none. */
  social: { width: number; height: number } | null;
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
  placeholderSize: 16,
  allowedTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif', 'application/pdf'],
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
  if (config.social !== null) {
    positiveInt(config.social?.width, 'social.width', 100, 4000);
    positiveInt(config.social?.height, 'social.height', 100, 4000);
  }
  if (!Array.isArray(config.allowedTypes)) fail('allowedTypes must be a list of MIME types');
  if (config.allowedTypes.includes('image/svg+xml')) fail('SVG cannot be allowed: it can carry scripts');
  for (const [uid, fields] of Object.entries(config.requireAltText ?? {})) {
    if (!Array.isArray(fields)) fail(`requireAltText["${uid}"] must be a list of media fields`);
  }
}

export default { default: defaultConfig, validator: validateConfig };
