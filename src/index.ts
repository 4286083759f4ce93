import type { Core } from '@strapi/strapi';
import { applyAdminLabels } from './bootstrap/admin-labels';
import { applyAdminLayouts } from './bootstrap/admin-layouts';
import { ensureAdminRoles } from './bootstrap/admin-roles';
import { registerDatelineDefault } from './bootstrap/dateline';
import { ensureLocales } from './bootstrap/locales';
import { grantPublicRead } from './bootstrap/public-permissions';
import { registerPublishedOnly } from './bootstrap/published-only';
import { loadSampleData } from './seed/load';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerPublishedOnly(strapi);
    registerDatelineDefault(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
    await grantPublicRead(strapi);
    await applyAdminLabels(strapi);
    await applyAdminLayouts(strapi);
    await ensureAdminRoles(strapi);
    await loadSampleData(strapi);
  },
};
