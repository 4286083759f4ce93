export { foldVietnamese } from './fold';
export { slugify, withSuffix, joinWithin, DEFAULT_SLUG_OPTIONS, type SlugOptions } from './slugify';
export { toNFC, cleanName, deepNFC, toNewTonePlacement } from './normalize-text';
