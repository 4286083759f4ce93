export interface PluginConfig {
  /** Entries older than this many days are purged, daily and at start (AUDIT_RETENTION_DAYS). */
  retentionDays: number;
  /** When the daily purge runs (a Strapi cron rule, seconds first). */
  purgeRule: string;
  /** Content types whose Document Service writes are not logged (media have their own events). */
  exclude: string[];
  /** At most this many rows in one CSV export. */
  exportMaxRows: number;
  /** Review stages: the content types whose drafts go through review (none by default). */
  review: { contentTypes: string[] };
  /**
   * Content history: the content types whose writes store a version (none by default); versions
   * younger than `keepAllDays` are all kept, older ones one per day per document and locale
   * (the last of the day), published versions always.
   */
  history: { contentTypes: string[]; keepAllDays: number };
}

export const defaultConfig: PluginConfig = {
  retentionDays: 365,
  purgeRule: '0 17 3 * * *',
  exclude: ['plugin::upload.file', 'plugin::upload.folder'],
  exportMaxRows: 50_000,
  review: { contentTypes: [] },
  history: { contentTypes: [], keepAllDays: 90 },
};

const fail = (message: string): never => {
  throw new Error(`[editorial] invalid config: ${message}`);
};

export function validateConfig(config: PluginConfig): void {
  if (!Number.isInteger(config.retentionDays) || config.retentionDays < 1) fail('retentionDays must be a whole number of days ≥ 1 (AUDIT_RETENTION_DAYS)');
  if (typeof config.purgeRule !== 'string' || config.purgeRule.trim() === '') fail('purgeRule must be a cron rule');
  if (!Array.isArray(config.exclude) || config.exclude.some((uid) => typeof uid !== 'string')) fail('exclude must be a list of content type uids');
  const review = config.review as PluginConfig['review'] | undefined;
  if (!review || !Array.isArray(review.contentTypes) || review.contentTypes.some((uid) => typeof uid !== 'string')) fail('review.contentTypes must be a list of content type uids');
  const history = config.history as Partial<PluginConfig['history']> | undefined;
  if (!history || !Array.isArray(history.contentTypes) || history.contentTypes.some((uid) => typeof uid !== 'string')) fail('history.contentTypes must be a list of content type uids');
  if (!Number.isInteger(history?.keepAllDays) || (history?.keepAllDays ?? 0) < 1) fail('history.keepAllDays must be a whole number of days ≥ 1');
  if (!Number.isInteger(config.exportMaxRows) || config.exportMaxRows < 1 || config.exportMaxRows > 1_000_000) fail('exportMaxRows must be between 1 and 1,000,000');
}

export default { default: defaultConfig, validator: validateConfig };
