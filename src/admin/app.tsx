import * as React from 'react';
import type { StrapiApp } from '@strapi/strapi/admin';
import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import { HistoryPanel } from './components/history-panel';
import { addStageColumn, addStageFilter } from './components/review-list';
import { ReviewPanel } from './components/review-panel';
import { viTranslations } from './translations';

// Where Strapi 5.54's admin keeps the interface language (reducer.ts LANGUAGE_LOCAL_STORAGE_KEY);
// it falls back to English when nothing is stored.
const LANGUAGE_KEY = 'strapi-admin-language';
// Strapi's guided tour (English only, aimed at developers); no config turns it off.
const GUIDED_TOUR_KEY = 'STRAPI_GUIDED_TOUR';

/** The menu icon of "Chờ duyệt": a tray with a tick, drawn here rather than adding an icon package. */
const QueueIcon = () => (
  <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
    <path d="M3 13h4l2 3h6l2-3h4v6a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1z" />
    <path d="M8 7l3 3 5-6" />
  </svg>
);

export default {
  config: {
    // Editors work in Vietnamese; English stays available in the profile menu.
    locales: ['vi'],
    translations: { vi: viTranslations },
    // No release-notes pop-ups or tutorial videos for editors.
    tutorials: false,
    notifications: { releases: false },
  },
  register(app: StrapiApp) {
    // "Chờ duyệt": drafts reporters submitted (the editorial plugin's review queue). Each row of
    // the list is checked against the reader's permissions by the server.
    app.addMenuLink({
      to: 'editorial-queue',
      icon: QueueIcon,
      intlLabel: { id: 'editorial.queue.title', defaultMessage: 'Chờ duyệt' },
      permissions: [],
      Component: () => import('./pages/review-queue'),
    });
    // The admin reads the stored language when it renders, after register and bootstrap: on a
    // first visit store Vietnamese so it wins; a language the user picked (stored) is kept.
    if (!window.localStorage.getItem(LANGUAGE_KEY)) {
      window.localStorage.setItem(LANGUAGE_KEY, 'vi');
      document.documentElement.lang = 'vi';
    }
    // Stored as if "skip all tours" had been pressed; Strapi fills in the rest of the state.
    if (!window.localStorage.getItem(GUIDED_TOUR_KEY)) {
      window.localStorage.setItem(GUIDED_TOUR_KEY, JSON.stringify({ enabled: false }));
    }
  },
  bootstrap(app: StrapiApp) {
    // The edit view's "Duyệt bài" panel (stage, the steps this user may take, the trail with notes)
    // and "Lịch sử" panel (versions, their changes, restore into the draft).
    const contentManager = app.getPlugin('content-manager').apis as ContentManagerPlugin['config']['apis'];
    contentManager.addEditViewSidePanel([ReviewPanel, HistoryPanel]);
    // The list of a reviewed type (Bài viết): a "Trạng thái duyệt" column and filter.
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', addStageColumn);
    app.registerHook('Admin/CM/pages/ListView/inject-in-filters', addStageFilter);
    // Settings → "Làm mới trang web": the revalidate plugin's receivers and deliveries
    // (src/plugins/revalidate), for administrators with its permission.
    app.addSettingsLink('global', {
      id: 'revalidate',
      to: 'revalidate',
      intlLabel: { id: 'revalidate.settings.title', defaultMessage: 'Làm mới trang web' },
      permissions: [{ action: 'plugin::revalidate.settings.read', subject: null }],
      Component: () => import('./pages/revalidate'),
    });
    // Settings → "Việc chạy nền": the jobs plugin's jobs by state and "thử lại" for dead ones
    // (src/plugins/jobs), for administrators with its permission.
    app.addSettingsLink('global', {
      id: 'jobs',
      to: 'jobs',
      intlLabel: { id: 'jobs.settings.title', defaultMessage: 'Việc chạy nền' },
      permissions: [{ action: 'plugin::jobs.settings.read', subject: null }],
      Component: () => import('./pages/jobs'),
    });
    // Settings → "Nhật ký hoạt động": the editorial plugin's audit log (src/plugins/editorial),
    // for administrators with its permission (the Super Admin by default).
    app.addSettingsLink('global', {
      id: 'editorial-audit-log',
      to: 'editorial-audit-log',
      intlLabel: { id: 'editorial.settings.auditLog', defaultMessage: 'Nhật ký hoạt động' },
      permissions: [{ action: 'plugin::editorial.audit-log.read', subject: null }],
      Component: () => import('./pages/audit-log'),
    });
  },
};
