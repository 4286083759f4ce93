import type { Core, Modules, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { cleanDeep, findTextProblem, type AttributeRule } from '../validation/text';
import { isLocaleCode } from '../validation/query';

type Params = { locale?: unknown; data?: Record<string, unknown> };
type Attributes = Record<string, AttributeRule & { component?: string; repeatable?: boolean }>;

/**
 * Every write through the Document Service (REST, admin, scripts): text is cleaned of control
 * characters; lone surrogates, over-long strings and malformed blocks are refused, and a locale
 * must be one the site has. Refusals are 400s with Vietnamese messages, before anything is written.
 */
export function registerInputGuard(strapi: Core.Strapi): void {
  let knownLocales = new Set<string>();
  const localeExists = async (code: string) => {
    if (knownLocales.has(code)) return true;
    // Re-read only on an unknown code: locales are rarely added, and reads must stay cheap.
    const locales = (await strapi.plugin('i18n').service('locales').find()) as { code: string }[];
    knownLocales = new Set(locales.map((l) => l.code));
    return knownLocales.has(code);
  };

  const checkComponents = (data: Record<string, unknown>, original: Record<string, unknown>, attributes: Attributes, prefix = '') => {
    const problem = findTextProblem(data, original, attributes, prefix);
    if (problem) throw new errors.ValidationError(problem);
    for (const [name, attr] of Object.entries(attributes)) {
      if (attr.type !== 'component' || !attr.component || !data[name]) continue;
      const nested = strapi.getModel(attr.component as UID.Component)?.attributes as Attributes | undefined;
      if (!nested) continue;
      const repeatable = Array.isArray(data[name]);
      const list = (repeatable ? data[name] : [data[name]]) as Record<string, unknown>[];
      const originals = (Array.isArray(original[name]) ? original[name] : [original[name]]) as Record<string, unknown>[];
      list.forEach(
        (item, i) => item && typeof item === 'object' && checkComponents(item, originals[i] ?? {}, nested, `${prefix}${name}${repeatable ? `[${i}]` : ''}.`)
      );
    }
  };

  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    const params = context.params as Params;
    const model = strapi.getModel(context.uid);
    const localized = Boolean((model?.pluginOptions as { i18n?: { localized?: boolean } } | undefined)?.i18n?.localized);
    const locales = [params.locale, params.data?.locale].flatMap((l) => (Array.isArray(l) ? l : [l])).filter((l) => l !== undefined && l !== null && l !== '*');
    if (localized) {
      for (const locale of locales) {
        if (!isLocaleCode(locale) || !(await localeExists(locale))) {
          throw new errors.ValidationError(`Ngôn ngữ "${String(locale).slice(0, 20)}" không có trên trang này.`);
        }
      }
    }
    if ((context.action === 'create' || context.action === 'update') && params.data && typeof params.data === 'object') {
      const original = params.data;
      params.data = cleanDeep(original);
      checkComponents(params.data, original, model.attributes as Attributes);
    }
    return next();
  };
  strapi.documents.use(middleware);
}
