import type { Core } from '@strapi/strapi';

/** N published Vietnamese articles inserted straight into the tables (see article-rows.js). */
export function insertArticles(strapi: Core.Strapi, n: number): Promise<void>;
