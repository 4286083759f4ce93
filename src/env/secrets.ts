import crypto from 'node:crypto';

/** The secrets Strapi needs, named as in Strapi's own project template, and the preview secret. */
export const SECRET_NAMES = [
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
  // Shared with the website's /api/preview route (admin preview of drafts).
  'PREVIEW_SECRET',
] as const;

export type SecretName = (typeof SECRET_NAMES)[number];

export interface SecretProblem {
  name: SecretName;
  reason: 'missing' | 'example' | 'too-short';
}

// Values that come from .env.example files (ours and Strapi's template) or are obvious placeholders.
const PLACEHOLDER = /tobemodified|change[-_ ]?me|replace[-_ ]?me|example|placeholder|secret|^x+$|^test$/i;
const MIN_LENGTH = 16;

/** Lists every secret that is missing, still a placeholder, or too short to be safe. */
export function findSecretProblems(env: Record<string, string | undefined>): SecretProblem[] {
  const problems: SecretProblem[] = [];
  for (const name of SECRET_NAMES) {
    const raw = (env[name] ?? '').trim();
    // APP_KEYS is a comma-separated list; every key in it must be safe.
    const parts = name === 'APP_KEYS' ? raw.split(',').map((k) => k.trim()) : [raw];
    if (parts.every((p) => p === '')) {
      problems.push({ name, reason: 'missing' });
    } else if (parts.some((p) => PLACEHOLDER.test(p))) {
      problems.push({ name, reason: 'example' });
    } else if (parts.some((p) => p.length < MIN_LENGTH)) {
      problems.push({ name, reason: 'too-short' });
    }
  }
  return problems;
}

const REASONS: Record<SecretProblem['reason'], string> = {
  missing: 'is not set',
  example: 'still has an example value',
  'too-short': `is shorter than ${MIN_LENGTH} characters`,
};

/** The message production shows before refusing to start. */
export function describeSecretProblems(problems: SecretProblem[]): string {
  const lines = problems.map((p) => `  - ${p.name} ${REASONS[p.reason]}`);
  return [
    'Refusing to start in production: these secrets are not safe.',
    ...lines,
    'Set each one to a long random value (for example: node -e "console.log(require(\'crypto\').randomBytes(32).toString(\'base64\'))").',
    'APP_KEYS takes several such values separated by commas. See .env.example.',
  ].join('\n');
}

const randomValue = () => crypto.randomBytes(24).toString('base64');

/** Fresh random values for the given secret names. */
export function generateSecrets(names: readonly SecretName[]): Record<SecretName, string> {
  const out = {} as Record<SecretName, string>;
  for (const name of names) {
    out[name] = name === 'APP_KEYS' ? Array.from({ length: 4 }, randomValue).join(',') : randomValue();
  }
  return out;
}
