import type { EventEmitter } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';

export interface LocalS3 {
  /** The S3 API, path-style: http://127.0.0.1:<port>. */
  endpoint: string;
  /** A CDN stand-in on its own port: GET /<key> answers the bucket's object (what S3_PUBLIC_URL names). */
  publicUrl: string;
  /** The env that points UPLOAD_PROVIDER=s3 at this server. */
  env: (bucket: string) => Record<string, string>;
  /** Every key in a bucket. */
  keys: (bucket: string) => Promise<string[]>;
  /** How many times each key of a bucket was written (PUT, POST or copy) since the server started. */
  writes: (bucket: string) => Map<string, number>;
  /** An object's bytes, straight from the bucket. */
  get: (bucket: string, key: string) => Promise<Buffer>;
  stop: () => Promise<void>;
}

const listen = (server: http.Server) =>
  new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

/** s3rver (an S3-compatible server from npm) on a free port over a temporary folder, with `buckets` made. */
export async function startLocalS3(buckets: string[]): Promise<LocalS3> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-s3-'));
  const s3 = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: buckets.map((name) => ({ name, configs: [] })) });
  // s3rver is a Koa app that emits an S3 event notification per write (its types leave this out).
  const written = new Map<string, Map<string, number>>();
  type S3Event = { Records: { eventName: string; s3: { bucket: { name: string }; object: { key: string } } }[] };
  (s3 as unknown as EventEmitter).on('event', (event: S3Event) => {
    for (const record of event.Records) {
      if (!record.eventName.startsWith('ObjectCreated:')) continue;
      const keys = written.get(record.s3.bucket.name) ?? new Map<string, number>();
      keys.set(record.s3.object.key, (keys.get(record.s3.object.key) ?? 0) + 1);
      written.set(record.s3.bucket.name, keys);
    }
  });
  const { port } = await s3.run();
  const endpoint = `http://127.0.0.1:${port}`;
  // The CDN serves the first bucket under its own origin, as a CDN in front of one bucket does.
  const cdn = http.createServer((req, res) => {
    fetch(`${endpoint}/${buckets[0]}${req.url ?? '/'}`).then(
      async (answer) => {
        const body = Buffer.from(await answer.arrayBuffer());
        // With its length, as a CDN sends a stored file: Strapi's export sizes each file by it
        // (without one it writes a 0-byte entry and waits forever for the rest).
        res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/octet-stream', 'content-length': body.length });
        res.end(body);
      },
      () => res.writeHead(502).end()
    );
  });
  const publicUrl = `http://127.0.0.1:${await listen(cdn)}`;
  const get = async (bucket: string, key: string) => {
    const answer = await fetch(`${endpoint}/${bucket}/${key}`);
    if (!answer.ok) throw new Error(`${bucket}/${key}: ${answer.status}`);
    return Buffer.from(await answer.arrayBuffer());
  };
  return {
    endpoint,
    publicUrl,
    env: (bucket) => ({
      UPLOAD_PROVIDER: 's3',
      S3_BUCKET: bucket,
      S3_REGION: 'us-east-1',
      S3_ENDPOINT: endpoint,
      S3_FORCE_PATH_STYLE: 'true',
      // s3rver's fixed development credentials.
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_PUBLIC_URL: publicUrl,
    }),
    keys: async (bucket) => {
      const xml = await (await fetch(`${endpoint}/${bucket}?list-type=2&max-keys=1000`)).text();
      if (/<IsTruncated>true/.test(xml)) throw new Error('more than 1000 keys: page the listing');
      return [...xml.matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) => m[1]).sort();
    },
    writes: (bucket) => new Map(written.get(bucket) ?? []),
    get,
    stop: async () => {
      await new Promise<void>((resolve) => cdn.close(() => resolve()));
      await s3.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
