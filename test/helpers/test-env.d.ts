export interface TestEnv {
  env: Record<string, string>;
  drop: () => Promise<void>;
}
export function createTestEnv(database: 'sqlite' | 'postgres', prefix?: string, server?: string): Promise<TestEnv>;
export function postgresReachable(): Promise<true | string>;
export function adminUrl(): string;
