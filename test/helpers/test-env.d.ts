export interface TestEnv {
  env: Record<string, string>;
  drop: () => Promise<void>;
}
/** A seeded database (SQLite file path or PostgreSQL database name) and the uploads folder its file rows point into. */
export interface Template {
  database: string;
  uploads: string;
}
export function createTestEnv(database: 'sqlite' | 'postgres', prefix?: string, server?: string, options?: { template?: Template }): Promise<TestEnv>;
export function postgresReachable(): Promise<true | string>;
export function adminUrl(): string;
export function runTemplate(database: 'sqlite' | 'postgres'): Template | undefined;
export function dbDir(): string;
