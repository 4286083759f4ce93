import type { SlugOptions } from '../utils/slugify';

/** Where a content type's slug lives and which field it is made from. */
export interface SlugTarget {
  /** The uid attribute that holds the slug. */
  field: string;
  /** The attribute the slug is made from (usually title or name). */
  source: string;
}

/** How a content type is searched: its display title, the text fields, the excerpt and the date. */
export interface SearchTarget {
  title: string;
  /** Attributes whose text is searched besides the title (strings, text, rich text or blocks). */
  text: string[];
  /** Attribute shown as the excerpt (falls back to the start of the text). */
  excerpt?: string;
  /** Date attribute used for recency (falls back to publishedAt). */
  date?: string;
  /**
   * The uid of an app service with `searchText(entries)`: text searched with the entry that is not
   * in its own fields (e.g. the words of its attached files). Not shown in excerpts.
   */
  extraText?: string;
}

export interface PluginConfig {
  /** Content types that get server-side slugs, by uid. */
  contentTypes: Record<string, SlugTarget>;
  slug: SlugOptions;
  search: {
    /** Content types in the search index, by uid; `type` in the API is their singular name. */
    contentTypes: Record<string, SearchTarget>;
    maxPageSize: number;
  };
  normalize: {
    /** Attributes trimmed and cleaned of invisible characters, on every content type. */
    nameFields: string[];
    /** Rewrite old tone placement (hoà, thuỷ) to the new one (hòa, thủy) in those attributes. */
    tonePlacement: boolean;
  };
}

export const defaultConfig: PluginConfig = {
  contentTypes: {},
  slug: { maxLength: 80, ampersand: '' },
  search: { contentTypes: {}, maxPageSize: 50 },
  normalize: { nameFields: ['title', 'name', 'shortName'], tonePlacement: false },
};

const fail = (message: string): never => {
  throw new Error(`[vietnamese-text] invalid config: ${message}`);
};

/** Strapi calls this with the merged config at start-up; a wrong value stops the app with a clear message. */
export function validateConfig(config: PluginConfig): void {
  if (typeof config.contentTypes !== 'object' || config.contentTypes === null) fail('contentTypes must be an object');
  for (const [uid, target] of Object.entries(config.contentTypes)) {
    if (!/^[\w-]+::[\w-]+\.[\w-]+$/.test(uid)) fail(`"${uid}" is not a content type uid`);
    if (!target || typeof target.field !== 'string' || typeof target.source !== 'string') {
      fail(`contentTypes["${uid}"] needs { field, source } strings`);
    }
  }
  const { maxLength, ampersand } = config.slug ?? {};
  if (!Number.isInteger(maxLength) || maxLength < 10 || maxLength > 255) fail('slug.maxLength must be an integer from 10 to 255');
  if (ampersand !== '' && ampersand !== 'va') fail('slug.ampersand must be "" or "va"');
  for (const [uid, target] of Object.entries(config.search?.contentTypes ?? {})) {
    if (!/^[\w-]+::[\w-]+\.[\w-]+$/.test(uid)) fail(`search: "${uid}" is not a content type uid`);
    if (!target || typeof target.title !== 'string' || !Array.isArray(target.text)) {
      fail(`search.contentTypes["${uid}"] needs { title: string, text: string[] }`);
    }
    if (target.extraText !== undefined && (typeof target.extraText !== 'string' || !/^[\w-]+::[\w-]+\.[\w-]+$/.test(target.extraText))) {
      fail(`search.contentTypes["${uid}"].extraText must be a service uid ("<namespace>::<name>.<name>")`);
    }
  }
  const pageSize = config.search?.maxPageSize;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) fail('search.maxPageSize must be an integer from 1 to 100');
  if (!Array.isArray(config.normalize?.nameFields)) fail('normalize.nameFields must be an array of attribute names');
  if (typeof config.normalize?.tonePlacement !== 'boolean') fail('normalize.tonePlacement must be true or false');
}

export default {
  default: defaultConfig,
  validator: validateConfig,
};
