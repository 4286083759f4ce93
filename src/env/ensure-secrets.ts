import fs from 'node:fs';
import path from 'node:path';
import { appRoot } from './app-root';
import { describeSecretProblems, findSecretProblems, generateSecrets } from './secrets';

/** The .env file Strapi reads (it honours ENV_PATH too). */
export const envFilePath = () => process.env.ENV_PATH || path.join(appRoot(), '.env');

/**
 * Production: throws when any secret is missing or an example value.
 * Elsewhere: generates the missing ones once and appends them to .env, so a fresh
 * clone runs with no setup and keeps the same sessions across restarts.
 */
export function ensureSecrets(env: NodeJS.ProcessEnv = process.env): void {
  const problems = findSecretProblems(env);
  if (problems.length === 0) return;
  if (env.NODE_ENV === 'production') {
    throw new Error(describeSecretProblems(problems));
  }
  const missing = problems.filter((p) => p.reason === 'missing').map((p) => p.name);
  if (missing.length === 0) return; // weak development values are the developer's choice
  const generated = generateSecrets(missing);
  Object.assign(env, generated);
  const file = envFilePath();
  const lines = Object.entries(generated).map(([k, v]) => `${k}=${v}`);
  const prefix = fs.existsSync(file) && !fs.readFileSync(file, 'utf8').endsWith('\n') ? '\n' : '';
  fs.appendFileSync(file, `${prefix}# Generated for development on first run\n${lines.join('\n')}\n`);
  console.info(`[secrets] generated ${missing.join(', ')} for development in ${file}`);
}

/**
 * A secret's value once ensureSecrets() has run (config files call it first): production has
 * refused to start without it and development generated it, so a missing one is a bug here.
 */
export function secretValue(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[name];
  if (!value) throw new Error(`${name} is not set: call ensureSecrets() before reading it`);
  return value;
}
