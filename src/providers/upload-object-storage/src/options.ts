/** The provider's settings (`providerOptions` in the upload plugin's config). */
export interface ObjectStorageOptions {
  bucket: string;
  region: string;
  /** An S3-compatible service's URL (MinIO, Ceph, a cloud's object storage); absent for AWS itself. */
  endpoint?: string;
  /** Most S3-compatible services want `bucket` in the path, not in the host name. */
  forcePathStyle?: boolean;
  accessKeyId: string;
  secretAccessKey: string;
  /** The origin (optionally with a path) every stored file's URL starts with: a CDN, or the bucket. */
  publicUrl: string;
  /** Keys start with this folder, for a bucket shared with other data. */
  prefix?: string;
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/**
 * The options checked once, at start: a missing setting fails the boot with its name rather than
 * the first upload with an SDK error an editor cannot act on.
 */
export function readOptions(raw: unknown): ObjectStorageOptions {
  const given = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const required = ['bucket', 'region', 'accessKeyId', 'secretAccessKey', 'publicUrl'] as const;
  const missing = required.filter((name) => text(given[name]) === '');
  if (missing.length > 0) throw new Error(`upload-object-storage: providerOptions needs ${missing.join(', ')}`);
  for (const name of ['publicUrl', 'endpoint'] as const) {
    const value = text(given[name]);
    if (value !== '' && !/^https?:\/\/[^/]/.test(value)) throw new Error(`upload-object-storage: providerOptions.${name} is not an http(s) URL: "${value}"`);
  }
  return {
    bucket: text(given.bucket),
    region: text(given.region),
    endpoint: text(given.endpoint) || undefined,
    forcePathStyle: given.forcePathStyle === true,
    accessKeyId: text(given.accessKeyId),
    secretAccessKey: text(given.secretAccessKey),
    publicUrl: text(given.publicUrl).replace(/\/+$/, ''),
    prefix: text(given.prefix) || undefined,
  };
}
