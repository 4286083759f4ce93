/**
 * Where a file lives in the bucket and the URL it is served at. Pure: the provider computes the
 * same key when it uploads and when it deletes, so nothing about a stored object has to be kept
 * besides what Strapi already stores on the file (hash, ext, path).
 */

/** What of Strapi's file the key is made from. */
export interface KeyedFile {
  hash: string;
  ext?: string | null;
  /** Strapi's folder path for providers that place files in "folders"; usually absent. */
  path?: string | null;
}

/**
 * A path segment as a key part: no empty, `.` or `..` segment survives, so no key climbs out of the
 * prefix or lands on a neighbour's object, whatever the file record says.
 */
const segments = (text: string | null | undefined): string[] =>
  (text ?? '')
    .split(/[\\/]+/)
    .map((part) => part.replace(/[^\p{L}\p{N}._-]/gu, ''))
    .filter((part) => part !== '' && !/^\.+$/.test(part));

/** The object key: `prefix/path/hash.ext`, each part cleaned. Throws when no usable hash remains. */
export function objectKey(file: KeyedFile, prefix = ''): string {
  const name = segments(file.hash).join('_');
  if (name === '') throw new Error(`upload-object-storage: the file has no usable hash ("${file.hash}")`);
  const ext = (file.ext ?? '').replace(/[^A-Za-z0-9.]/g, '').replace(/^\.*/, '');
  return [...segments(prefix), ...segments(file.path), ext ? `${name}.${ext}` : name].join('/');
}

/** The public URL of a key: the CDN (or bucket) base, then the key with each segment URL-encoded. */
export function publicUrlOf(publicUrl: string, key: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/${key.split('/').map(encodeURIComponent).join('/')}`;
}
