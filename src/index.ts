import type { Core } from '@strapi/strapi';
import { applyAdminLabels, registerDisplayNames } from './bootstrap/admin-labels';
import { applyAdminLayouts } from './bootstrap/admin-layouts';
import { ensureAdminRoles } from './bootstrap/admin-roles';
import { registerDatelineDefault } from './bootstrap/dateline';
import { protectDocumentation, registerDocumentationOverrides } from './bootstrap/documentation';
import { registerInputGuard } from './bootstrap/input-guard';
import { registerLegalDocumentGuard } from './bootstrap/legal-document-guard';
import { scheduleValidityRollover } from './legal-documents/validity-rollover';
import { followFileText } from './legal-documents/file-texts';
import { registerPdfText } from './media/pdf-text/register';
import { ensureLocales } from './bootstrap/locales';
import { installGracefulShutdown, trackRequests } from './lifecycle/graceful-shutdown';
import { memoizeLookups } from './bootstrap/memoized-lookups';
import { grantPublicRead } from './bootstrap/public-permissions';
import { registerPublishedOnly } from './bootstrap/published-only';
import { closeLimiter } from './rate-limit/limiter';
import { closeOutboundGuard, installOutboundGuard } from './security/outbound/guard';
import { loadSampleData } from './seed/load';
import { refreshPlannerStatistics } from './utils/planner-statistics';
import { migrate } from '../database/migrations';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // First, so a bad SHUTDOWN_TIMEOUT_MS stops the start before anything else is set up, and a
    // signal during the rest of the start is already handled (a stop of what is started so far).
    installGracefulShutdown(strapi);
    // Strapi registers the plugins' Document Service middlewares before the app's, and the first
    // registered runs outermost: this guard runs inside them (after slugs, NFC, publishing rights)
    // and just before the write, so whatever they did, nothing unchecked is stored. A write it
    // refuses releases the slug claimed for it (vietnamese-text confirms a claim only after the write).
    registerInputGuard(strapi);
    // Inside the input guard: it judges the cleaned dates and relations of a văn bản.
    registerLegalDocumentGuard(strapi);
    registerPublishedOnly(strapi);
    registerDatelineDefault(strapi);
    registerDocumentationOverrides(strapi);
    registerDisplayNames(strapi);
    // Server-side requests (upload from a URL, webhooks, stored files) reach public addresses only.
    installOutboundGuard(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    trackRequests(strapi);
    const applied = await migrate(strapi);
    if (applied.length) strapi.log.info(`[app] migrations applied: ${applied.map((m) => m.name).join(', ')}`);
    // The words of stored PDFs, read in the background, searched with the văn bản that attach them.
    await registerPdfText(strapi, (fileId) => followFileText(strapi, fileId));
    await ensureLocales(strapi);
    await grantPublicRead(strapi);
    await protectDocumentation(strapi);
    await applyAdminLabels(strapi);
    await applyAdminLayouts(strapi);
    await ensureAdminRoles(strapi);
    const seeded = await loadSampleData(strapi);
    // Loading the sample is bulk work; otherwise only what a start needs.
    await refreshPlannerStatistics(strapi, seeded === 'start' || seeded === 'resume' ? 'bulk work' : 'start');
    // After the bootstrap's own permission and locale writes.
    memoizeLookups(strapi);
    // Văn bản validity changes at midnight without a write: cached answers are told (once a day).
    await scheduleValidityRollover(strapi);
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await closeLimiter(strapi);
    await closeOutboundGuard(strapi);
  },
};
