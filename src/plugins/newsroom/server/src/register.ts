import type { Core } from '@strapi/strapi';
import type { Scheduler } from './services/scheduler';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  // Scheduling: schedule validation, and manual publishes fulfilling a passed publish time.
  strapi.documents.use((ctx, next) => (strapi.plugin('newsroom').service('scheduler') as Scheduler).middleware(ctx, next));
};
