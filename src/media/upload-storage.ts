import { originOf } from '../security/origins';

type Env = Record<string, string | undefined>;

/** What UPLOAD_PROVIDER=s3 cannot work without; S3_ENDPOINT (unset: AWS) and S3_FORCE_PATH_STYLE are optional. */
export const REQUIRED_S3_VARIABLES = ['S3_BUCKET', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_PUBLIC_URL'] as const;

export interface S3Storage {
  bucket: string;
  region: string;
  /** An S3-compatible service (MinIO, Ceph, a cloud's object storage); undefined for AWS itself. */
  endpoint: string | undefined;
  forcePathStyle: boolean;
  accessKeyId: string;
  secretAccessKey: string;
  /** The CDN (or bucket) origin, optionally with a path, that every stored file's URL starts with. */
  publicUrl: string;
}

const usesS3 = (env: Env) => (env.UPLOAD_PROVIDER ?? '').trim().toLowerCase() === 's3';
const value = (env: Env, name: string) => (env[name] ?? '').trim();
const isHttpUrl = (text: string) => /^https?:\/\/[^/]/.test(text);

/** Every problem with the S3 settings, one sentence each; empty when local disk is used or all is set. */
export function findUploadStorageProblems(env: Env): string[] {
  const provider = value(env, 'UPLOAD_PROVIDER').toLowerCase();
  if (provider !== '' && provider !== 'local' && provider !== 's3') return [`UPLOAD_PROVIDER is "${provider}": use "local" (the default) or "s3"`];
  if (!usesS3(env)) return [];
  const problems: string[] = REQUIRED_S3_VARIABLES.filter((name) => value(env, name) === '').map((name) => `${name} is not set`);
  for (const name of ['S3_PUBLIC_URL', 'S3_ENDPOINT']) {
    const v = value(env, name);
    if (v !== '' && !isHttpUrl(v)) problems.push(`${name} is not an http(s) URL: "${v}"`);
  }
  const pathStyle = value(env, 'S3_FORCE_PATH_STYLE').toLowerCase();
  if (pathStyle !== '' && pathStyle !== 'true' && pathStyle !== 'false') problems.push(`S3_FORCE_PATH_STYLE is "${pathStyle}": use true or false`);
  return problems;
}

/**
 * Throws, naming each problem, when UPLOAD_PROVIDER=s3 is incomplete. In every environment, not
 * only production: unlike a secret nothing can be generated, and a half-set provider would fail at
 * the first upload, after an editor had filled in the form.
 */
export function ensureUploadStorage(env: Env = process.env): void {
  const problems = findUploadStorageProblems(env);
  if (problems.length === 0) return;
  throw new Error(
    [
      'Refusing to start: UPLOAD_PROVIDER=s3 needs these settings fixed.',
      ...problems.map((p) => `  - ${p}`),
      'See .env.example and docs/operations.md ("Object storage").',
    ].join('\n')
  );
}

/** The S3 settings when UPLOAD_PROVIDER=s3, else null (local disk). Call ensureUploadStorage first. */
export function readS3Storage(env: Env): S3Storage | null {
  if (!usesS3(env)) return null;
  return {
    bucket: value(env, 'S3_BUCKET'),
    region: value(env, 'S3_REGION'),
    endpoint: value(env, 'S3_ENDPOINT') || undefined,
    forcePathStyle: value(env, 'S3_FORCE_PATH_STYLE').toLowerCase() === 'true',
    accessKeyId: value(env, 'S3_ACCESS_KEY_ID'),
    secretAccessKey: value(env, 'S3_SECRET_ACCESS_KEY'),
    publicUrl: value(env, 'S3_PUBLIC_URL').replace(/\/+$/, ''),
  };
}

/** The upload provider for object storage: ours, over the AWS SDK (src/providers/upload-object-storage). */
export const OBJECT_STORAGE_PROVIDER = 'strapi-provider-upload-object-storage';

/**
 * The upload plugin's settings: `{}` keeps Strapi's local provider (files under PUBLIC_DIR), s3
 * stores through our object-storage provider. Strapi's own @strapi/provider-upload-aws-s3 stops at
 * 5.52.3 while every other @strapi package is 5.54.0; ours needs only the AWS SDK.
 */
export function uploadPluginConfig(env: Env): Record<string, unknown> {
  const s3 = readS3Storage(env);
  if (!s3) return {};
  return {
    provider: OBJECT_STORAGE_PROVIDER,
    providerOptions: {
      bucket: s3.bucket,
      region: s3.region,
      ...(s3.endpoint ? { endpoint: s3.endpoint } : {}),
      forcePathStyle: s3.forcePathStyle,
      accessKeyId: s3.accessKeyId,
      secretAccessKey: s3.secretAccessKey,
      publicUrl: s3.publicUrl,
    },
  };
}

/** The origin browsers load media from when it is in object storage (for the CSP); none on local disk. */
export const storageMediaOrigins = (env: Env): string[] => (usesS3(env) ? originOf(env.S3_PUBLIC_URL, 'S3_PUBLIC_URL') : []);

/**
 * The hosts of S3_ENDPOINT and S3_PUBLIC_URL: the server reads stored files back through the
 * outbound guard (the image pipeline's sizes, Strapi's backup export both fetch the file's public
 * URL), which refuses private addresses — a MinIO or a CDN on the province's network — otherwise.
 */
export function storageHosts(env: Env): string[] {
  if (!usesS3(env)) return [];
  const hosts = ['S3_ENDPOINT', 'S3_PUBLIC_URL']
    .map((name) => value(env, name))
    .filter(isHttpUrl)
    .map((url) => new URL(url).hostname.replace(/^\[(.*)\]$/, '$1'));
  return [...new Set(hosts)];
}
