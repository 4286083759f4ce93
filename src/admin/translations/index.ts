import { adminVi } from './admin';
import { codeDefaultsVi } from './code-defaults';
import { contentManagerVi } from './content-manager';
import { editorScreensVi } from './editor-screens';
import { i18nVi } from './i18n';
import { uploadVi } from './upload';

/**
 * Every admin message Strapi 5.54 has no Vietnamese for (its vi catalogue covers the admin shell
 * only), keyed by full message id, plugin prefix included. The hand-written messages of the
 * screens editors use most come last, so they win.
 */
export const viTranslations: Record<string, string> = {
  ...adminVi,
  ...i18nVi,
  ...contentManagerVi,
  ...uploadVi,
  ...codeDefaultsVi,
  ...editorScreensVi,
};
