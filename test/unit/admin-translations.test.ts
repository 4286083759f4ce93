import fs from 'node:fs';
import path from 'node:path';
import { viTranslations } from '../../src/admin/translations';

// Each prefix's English catalogue, as the admin loads it (plugin keys carry the plugin id); read by
// path because the packages' exports do not expose them.
const catalogues: Record<string, string> = {
  '': '@strapi/admin/dist/admin/admin/src/translations/en.json.js',
  'content-manager.': '@strapi/content-manager/dist/admin/translations/en.json.js',
  'upload.': '@strapi/upload/dist/admin/translations/en.json.js',
  'i18n.': '@strapi/i18n/dist/admin/translations/en.json.js',
  'content-type-builder.': '@strapi/content-type-builder/dist/admin/translations/en.json.js',
};

function english(key: string): string | undefined {
  const prefix = Object.keys(catalogues).find((p) => p && key.startsWith(p)) ?? '';
  const loaded = require(path.resolve(__dirname, '../../node_modules', catalogues[prefix]));
  // Some catalogues are CommonJS `module.exports = en`, others `exports.default`.
  const messages = (loaded.default ?? loaded) as Record<string, string>;
  return messages[key.slice(prefix.length)] ?? declaredInCode(catalogues[prefix], key.slice(prefix.length)) ?? codeDefaults()[key];
}

/** A menu name a plugin declares in its admin entry (`${pluginId}.plugin.name`, 'Content Manager'). */
function declaredInCode(catalogue: string, id: string): string | undefined {
  const entry = path.resolve(__dirname, '../../node_modules', catalogue.split('/dist/')[0], 'dist/admin/index.mjs');
  if (!fs.existsSync(entry) || id !== 'plugin.name') return undefined;
  return /plugin\.name`?,\s*defaultMessage:\s*'([^']+)'/.exec(fs.readFileSync(entry, 'utf8'))?.[1];
}

let scanned: Record<string, string> | undefined;
/** Ids the packages' admin code passes literally, with an English default, in no catalogue. */
function codeDefaults(): Record<string, string> {
  if (scanned) return scanned;
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.mjs') ? [path.join(dir, e.name)] : []
    );
  scanned = {};
  for (const catalogue of Object.values(catalogues)) {
    const dist = path.resolve(__dirname, '../../node_modules', catalogue.split('/dist/')[0], 'dist/admin');
    for (const file of files(dist)) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/id:\s*'([^'`$]+)',\s*defaultMessage:\s*'((?:[^'\\]|\\.)*)'/g)) {
        scanned[m[1]] ??= m[2];
      }
    }
  }
  return scanned;
}

// Argument names, not the text of plural/select branches (`one {item}`, `true {}`).
const placeholders = (message: string) =>
  [...new Set([...message.matchAll(/(?<!(?:one|other|true|false|=\d+)\s?)\{(\w+)/g)].map((m) => m[1]))].sort();

describe('Vietnamese admin translations', () => {
  it.each(Object.keys(viTranslations))('%s is a message Strapi 5.54 shows, with its placeholders', (key) => {
    const source = english(key);
    expect(source).toBeDefined();
    expect(placeholders(viTranslations[key])).toEqual(placeholders(source!));
  });
});
