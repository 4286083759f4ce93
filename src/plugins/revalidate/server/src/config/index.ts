import type { PagePattern } from '../utils/paths';

export interface PluginConfig {
  /** Receivers (REVALIDATE_WEBHOOK_URLS): each gets every event, signed with `secret`. */
  urls: string[];
  /** REVALIDATE_WEBHOOK_SECRET: the HMAC-SHA256 key; without it nothing is sent. */
  secret: string;
  /** PUBLIC_SITE_URL, and the website's pages per content type (paths of an event). */
  siteUrl: string;
  localePrefix: Record<string, string>;
  types: Record<string, PagePattern>;
  /** How often the outbox is read for due deliveries, in ms (a change in this process also wakes it). */
  pollMs: number;
  /** Failed deliveries are retried with backoff for this long after the change. */
  retryWindowMs: number;
  /** One delivery's time limit, in ms. */
  timeoutMs: number;
  /** A claimed row is this instance's for this long; after it another instance may send it. */
  leaseMs: number;
  /**
   * A media row's event is recorded before the upload plugin writes it (no transaction to join) and
   * sent this long after if the process dies before the write reports back.
   */
  intentDelayMs: number;
}

export const defaultConfig: PluginConfig = {
  urls: [],
  secret: '',
  siteUrl: 'http://localhost:3000',
  localePrefix: {},
  types: {},
  pollMs: 1000,
  retryWindowMs: 24 * 3600 * 1000,
  timeoutMs: 10_000,
  leaseMs: 30_000,
  intentDelayMs: 30_000,
};

const fail = (message: string): never => {
  throw new Error(`[revalidate] invalid config: ${message}`);
};

export function validateConfig(config: PluginConfig): void {
  if (!Array.isArray(config.urls) || config.urls.some((u) => typeof u !== 'string' || !/^https?:\/\/[^\s]+$/.test(u))) fail('urls must be a list of http(s) URLs');
  if (typeof config.secret !== 'string') fail('secret must be a string');
  if (config.urls.length > 0 && config.secret.length < 16) fail('secret must be at least 16 characters when urls are set (REVALIDATE_WEBHOOK_SECRET)');
  try {
    new URL(config.siteUrl);
  } catch {
    fail('siteUrl must be a URL (PUBLIC_SITE_URL)');
  }
  for (const [uid, page] of Object.entries(config.types ?? {})) {
    if (!uid.includes('::') || typeof page?.path !== 'string' || !page.path.startsWith('/')) fail(`types["${uid}"].path must be a path starting with "/"`);
  }
  for (const key of ['pollMs', 'retryWindowMs', 'timeoutMs', 'leaseMs', 'intentDelayMs'] as const) {
    if (!Number.isInteger(config[key]) || config[key] < 10) fail(`${key} must be an integer ≥ 10`);
  }
}

export default { default: defaultConfig, validator: validateConfig };
