export interface LocalS3 {
  /** The S3 API, path-style: http://127.0.0.1:<port>. */
  endpoint: string;
  /** A CDN stand-in on its own port: GET /<key> answers the bucket's object (what S3_PUBLIC_URL names). */
  publicUrl: string;
  /** The env that points UPLOAD_PROVIDER=s3 at this server. */
  env: (bucket: string) => Record<string, string>;
  /** Every key in a bucket (at most 1,000). */
  keys: (bucket: string) => Promise<string[]>;
  /** How many times each key of a bucket was written (PUT, POST or copy) since the server started. */
  writes: (bucket: string) => Map<string, number>;
  /** An object's bytes, straight from the bucket. */
  get: (bucket: string, key: string) => Promise<Buffer>;
  stop: () => Promise<void>;
}
/** s3rver (an S3-compatible server from npm) on a free port over a temporary folder, with `buckets` made. */
export function startLocalS3(buckets: string[]): Promise<LocalS3>;
