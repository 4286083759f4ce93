import type { StrapiApp } from '@strapi/strapi/admin';

export default {
  config: {
    // Editors work in Vietnamese; English stays available in the profile menu.
    locales: ['vi'],
  },
  bootstrap(_app: StrapiApp) {},
};
