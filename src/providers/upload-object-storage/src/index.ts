import type { Readable } from 'node:stream';
import { DeleteObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { objectKey, publicUrlOf } from './object-key';
import { readOptions } from './options';

export type { ObjectStorageOptions } from './options';
export { objectKey, publicUrlOf } from './object-key';

/** The part of Strapi's upload file record a provider reads and writes. */
export interface ProviderFile {
  hash: string;
  ext?: string | null;
  mime: string;
  path?: string | null;
  stream?: Readable;
  buffer?: Buffer | string;
  /** Set by upload: where the file is served from. */
  url?: string;
}

/**
 * Strapi 5 upload provider over @aws-sdk/client-s3. Objects are public through the CDN or a bucket
 * policy: no ACL header is sent, because buckets created on AWS since April 2023 refuse ACLs
 * ("bucket owner enforced") and most S3-compatible services ignore them.
 */
export function init(providerOptions: unknown) {
  const options = readOptions(providerOptions);
  const client = new S3Client({
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    forcePathStyle: options.forcePathStyle,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    // The SDK (since 3.729) adds CRC32 checksums to every upload by default, as a trailer of a
    // chunked body; several S3-compatible servers (older MinIO and Ceph, s3rver) refuse that.
    // Checksums are sent where the API requires them (multipart completion), which all accept.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });

  const put = async (file: ProviderFile): Promise<void> => {
    const key = objectKey(file, options.prefix);
    const body = file.stream ?? (typeof file.buffer === 'string' ? Buffer.from(file.buffer, 'binary') : file.buffer);
    if (body === undefined) throw new Error(`upload-object-storage: "${key}" has neither a stream nor a buffer`);
    // lib-storage sends one PUT for a small body and a multipart upload for a large or unsized
    // stream (parts of 5 MB, 4 at a time), so a video never sits whole in memory.
    await new Upload({ client, params: { Bucket: options.bucket, Key: key, Body: body, ContentType: file.mime } }).done();
    file.url = publicUrlOf(options.publicUrl, key);
  };

  return {
    upload: put,
    uploadStream: put,
    async delete(file: ProviderFile): Promise<void> {
      // S3 answers a delete of a missing key with success: deleting twice is harmless.
      await client.send(new DeleteObjectCommand({ Bucket: options.bucket, Key: objectKey(file, options.prefix) }));
    },
    isPrivate: () => false,
  };
}

export default { init };
