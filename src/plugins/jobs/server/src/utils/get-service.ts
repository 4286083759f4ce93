import type { Core } from '@strapi/strapi';
import type services from '../services';

/** This plugin's services by name, as their factories build them. */
export type Services = { [K in keyof typeof services]: ReturnType<(typeof services)[K]> };

/** One of this plugin's services, typed from its factory (Strapi's i18n plugin does the same). */
export const getService = <K extends keyof Services>(strapi: Core.Strapi, name: K): Services[K] =>
  strapi.plugin('jobs').service<Services[K]>(name);
