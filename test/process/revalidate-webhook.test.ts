import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { AppProcess } from '../helpers/app-process';
import { createTestEnv } from '../helpers/test-env';

// The website's side is the documented Next.js route handler, with Next's two functions recorded.
const revalidated = { tags: [] as string[], paths: [] as string[] };
jest.mock(
  'next/cache',
  () => ({
    revalidateTag: (tag: string) => revalidated.tags.push(tag),
    revalidatePath: (p: string) => revalidated.paths.push(p),
  }),
  { virtual: true }
);
// eslint-disable-next-line import/first -- after the mock it uses
import { POST, verifySignature } from '../../docs/examples/nextjs-revalidate-route';

const SECRET = 'bi-mat-cua-trang-web-0123456789';
const SITE = 'https://tin.example.vn';

interface Delivery {
  at: number;
  id: string;
  signature: string;
  body: string;
  event: { id: string; event: string; documentId: string; locale: string; slug: string; previousSlug: string | null; tags: string[]; paths: string[] };
}

/** A local receiver: records every POST; answers 503 while `down`. */
function receiver() {
  const deliveries: Delivery[] = [];
  const state = { down: false, port: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (state.down) {
        res.writeHead(503).end();
        return;
      }
      deliveries.push({ at: Date.now(), id: String(req.headers['x-webhook-id']), signature: String(req.headers['x-webhook-signature']), body, event: JSON.parse(body) });
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
    });
  });
  const listening = new Promise<void>((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      state.port = (server.address() as AddressInfo).port;
      resolve();
    })
  );
  return { deliveries, state, server, listening };
}

async function waitFor<T>(find: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('revalidation webhooks: a local receiver, signed events, redelivery after a restart', () => {
  const hook = receiver();
  let drop: () => Promise<void>;
  let env: Record<string, string>;
  let app: AppProcess | undefined;
  const start = async () => {
    app = new AppProcess(env, { commands: path.join(__dirname, 'commands', 'crash.js'), listen: true, stdout: 'ignore' });
    await app.ready;
    return app;
  };

  beforeAll(async () => {
    await hook.listening;
    const test = await createTestEnv('sqlite', 'tdkt_hook');
    drop = test.drop;
    env = {
      ...test.env,
      SEED_SAMPLE_DATA: 'false',
      SCHEDULED_PUBLISHING: 'false',
      REVALIDATE_WEBHOOK_URLS: `http://127.0.0.1:${hook.state.port}/api/revalidate`,
      REVALIDATE_WEBHOOK_SECRET: SECRET,
      PUBLIC_SITE_URL: SITE,
      // The receiver is on this machine: the outbound guard lets the app reach it only when told to.
      OUTBOUND_ALLOW: '127.0.0.1',
      // A media row's event, recorded before the row is written, is sent this long after a crash.
      REVALIDATE_INTENT_DELAY_MS: '1500',
    };
    await start();
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
    hook.server.close();
    await drop?.();
  }, 60_000);

  it('a publish reaches the receiver within a second, signed, with the article’s paths and tags; the Next.js example accepts it', async () => {
    const asked = Date.now();
    const { documentId, slug } = (await app!.ask({ cmd: 'publish', title: 'Hội nghị tổng kết thi đua khối Mặt trận' })) as { documentId: string; slug: string };
    const got = await waitFor(() => hook.deliveries.find((d) => d.event.documentId === documentId), 5000);
    // Publishing itself is in the time measured (the message, the write, the delivery).
    expect(got.at - asked).toBeLessThan(1000);
    expect(got.id).toBe(got.event.id);
    expect(got.event).toMatchObject({ event: 'publish', uid: 'api::article.article', documentId, locale: 'vi', slug, previousSlug: null });
    expect(got.event.paths).toEqual(expect.arrayContaining([`/tin-tuc/${slug}`, '/', '/rss.xml']));
    expect(got.event.tags).toEqual(expect.arrayContaining([`d:${documentId}`, 't:api::article.article:vi', 'n:api::article.article:vi']));

    // The signature: right for the raw body, wrong for any other body or secret.
    expect(verifySignature(got.body, got.signature, SECRET)).toBe(true);
    expect(verifySignature(got.body.replace(slug, `${slug}-x`), got.signature, SECRET)).toBe(false);
    expect(verifySignature(got.body, got.signature, 'another-secret-0123456789')).toBe(false);
    process.env.REVALIDATE_WEBHOOK_SECRET = SECRET;
    const post = (signature: string) => POST(new Request('http://site/api/revalidate', { method: 'POST', body: got.body, headers: { 'x-webhook-signature': signature } }));
    expect((await post('sha256=00')).status).toBe(401);
    expect(revalidated.paths).toEqual([]);
    expect((await post(got.signature)).status).toBe(200);
    expect(revalidated).toEqual({ tags: got.event.tags, paths: got.event.paths });
    // A repeat (at least once) is dropped by its id.
    expect(await (await post(got.signature)).json()).toEqual({ duplicate: true });
  }, 30_000);

  it('a slug change names the previous slug and both pages', async () => {
    const { documentId } = (await app!.ask({ cmd: 'publish', title: 'Tin sẽ đổi đường dẫn' })) as { documentId: string };
    const first = await waitFor(() => hook.deliveries.find((d) => d.event.documentId === documentId), 5000);
    await app!.ask({ cmd: 'publish', documentId, title: 'Tin sẽ đổi đường dẫn', slug: 'tin-da-doi-duong-dan' });
    const moved = await waitFor(() => hook.deliveries.find((d) => d.event.documentId === documentId && d.event.event === 'update'), 5000);
    expect(moved.event).toMatchObject({ slug: 'tin-da-doi-duong-dan', previousSlug: first.event.slug });
    expect(moved.event.paths).toEqual(expect.arrayContaining(['/tin-tuc/tin-da-doi-duong-dan', `/tin-tuc/${first.event.slug}`]));
  }, 30_000);

  it('a media row’s alt text change is one event, not two (the event recorded ahead is the one sent)', async () => {
    const { fileId, documentId } = (await app!.ask({ cmd: 'mediaRow', name: 'anh-hoi-nghi.jpg' })) as { fileId: number; documentId: string };
    await app!.ask({ cmd: 'altText', fileId, alt: 'Toàn cảnh hội nghị' });
    const got = await waitFor(() => hook.deliveries.find((d) => d.event.documentId === documentId), 5000);
    expect(got.event).toMatchObject({ event: 'media', uid: 'plugin::upload.file', documentId, tags: expect.arrayContaining([`d:${documentId}`]) });
    // Past the delay after which an event recorded ahead would go out by itself.
    await new Promise((r) => setTimeout(r, 2500));
    expect(hook.deliveries.filter((d) => d.event.documentId === documentId)).toHaveLength(1);
  }, 30_000);

  // The two ways a public change is written: inside the Document Service's transaction (articles…)
  // and autocommitted by the upload plugin (media rows). Each is crashed the instant it commits.
  it.each([
    ['a publish', 'publish'],
    ['a media row’s alt text', 'media'],
  ])('a crash the instant %s commits loses no event: it is sent after the restart', async (_label, kind) => {
    let documentId: string;
    let fileId: number | undefined;
    if (kind === 'publish') {
      documentId = ((await app!.ask({ cmd: 'publishThenCrash', title: 'Tin xuất bản ngay trước sự cố' })) as { documentId: string }).documentId;
    } else {
      ({ documentId, fileId } = (await app!.ask({ cmd: 'mediaRow', name: 'anh-truoc-su-co.jpg' })) as { fileId: number; documentId: string });
      await app!.ask({ cmd: 'altTextThenCrash', fileId, alt: 'Ảnh chụp trước sự cố' });
    }
    expect(await app!.exited).toBe('SIGKILL');
    await start();
    // The change itself was committed before the crash…
    const stored = (await app!.ask({ cmd: 'stored', documentId, fileId })) as { published: boolean; alt: string | null };
    if (kind === 'publish') expect(stored.published).toBe(true);
    else expect(stored.alt).toBe('Ảnh chụp trước sự cố');
    // …and so was its event.
    const got = await waitFor(() => hook.deliveries.find((d) => d.event.documentId === documentId), 15_000);
    expect(got.event.event).toBe(kind === 'publish' ? 'publish' : 'media');
  }, 90_000);

  it('events the receiver refused are delivered after the app restarts, once each', async () => {
    hook.state.down = true;
    const published: string[] = [];
    for (const title of ['Tin trong lúc trang web lỗi 1', 'Tin trong lúc trang web lỗi 2']) {
      published.push(((await app!.ask({ cmd: 'publish', title })) as { documentId: string }).documentId);
    }
    await new Promise((r) => setTimeout(r, 500)); // the first tries fail (503)
    await app!.stop();
    hook.state.down = false;
    await start();
    // The first retry is due 10–12 s after the failed try (utils/backoff.ts).
    for (const documentId of published) await waitFor(() => hook.deliveries.find((d) => d.event.documentId === documentId), 25_000);
    await new Promise((r) => setTimeout(r, 1500));
    for (const documentId of published) expect(hook.deliveries.filter((d) => d.event.documentId === documentId)).toHaveLength(1);
  }, 90_000);
});
