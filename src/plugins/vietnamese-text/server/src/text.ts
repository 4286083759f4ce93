/**
 * The plugin's public text functions, for code outside Strapi's plugin API (an importer, a
 * validator): `require('strapi-plugin-vietnamese-text/text')`. Everything else in the plugin is
 * internal and may change.
 */
export { foldVietnamese } from './utils/fold';
export { cleanName, cleanFileName, hasVisibleText, toNFC } from './utils/normalize-text';
export { slugify } from './utils/slugify';
