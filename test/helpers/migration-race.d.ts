import type { TableMigration } from 'strapi-table-migrations';

export const RACE_SCOPE: string;
export const RACE_LOG: string;
export function raceSteps(): TableMigration<string>[];
