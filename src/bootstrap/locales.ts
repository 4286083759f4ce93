import type { Core } from '@strapi/strapi';

export const DEFAULT_LOCALE = { code: 'vi', name: 'Tiếng Việt (vi)' };
export const EXTRA_LOCALES = [{ code: 'en', name: 'English (en)' }];
/** The site's locale codes, the default first. */
export const LOCALE_CODES = [DEFAULT_LOCALE, ...EXTRA_LOCALES].map((l) => l.code);

/** Every boot: vi and en exist and vi is the default. Touches nothing when already so. */
export async function ensureLocales(strapi: Core.Strapi): Promise<void> {
  const locales = strapi.plugin('i18n').service('locales');
  for (const locale of [DEFAULT_LOCALE, ...EXTRA_LOCALES]) {
    const existing = await locales.findByCode(locale.code);
    if (!existing) {
      await locales.create(locale);
      strapi.log.info(`[locales] created ${locale.code}`);
    }
  }
  if ((await locales.getDefaultLocale()) !== DEFAULT_LOCALE.code) {
    await locales.setDefaultLocale({ code: DEFAULT_LOCALE.code });
    strapi.log.info(`[locales] default locale set to ${DEFAULT_LOCALE.code}`);
  }
}
