// A local S3-compatible server for the tests and `npm run load -- --instances N`: s3rver (npm) on a
// free port over a temporary folder, path-style, plus a CDN stand-in on its own port that
// S3_PUBLIC_URL points to. Plain JavaScript (types in s3-server.d.ts) so the benchmarks share it.
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const S3rver = require('s3rver');

const listen = (server) => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));

/** s3rver on a free port with `buckets` made; see s3-server.d.ts for what it returns. */
async function startLocalS3(buckets) {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-s3-'));
  const s3 = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: buckets.map((name) => ({ name, configs: [] })) });
  // s3rver is a Koa app that emits an S3 event notification per write.
  const written = new Map();
  s3.on('event', (event) => {
    for (const record of event.Records) {
      if (!record.eventName.startsWith('ObjectCreated:')) continue;
      const keys = written.get(record.s3.bucket.name) ?? new Map();
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
  const get = async (bucket, key) => {
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
      await new Promise((resolve) => cdn.close(() => resolve()));
      await s3.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}

module.exports = { startLocalS3 };
