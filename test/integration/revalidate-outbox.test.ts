import { describeIntegration, startApp, testDatabase, type TestApp } from '../helpers/strapi';

/** The outbox's guarantees as several instances see them: one row per change and receiver, one sender per row. */
describeIntegration(`revalidate outbox (${testDatabase})`, () => {
  let app: TestApp;
  const outbox = () => app.strapi.plugin('revalidate').service('outbox');

  beforeAll(async () => {
    app = await startApp();
    // This test is the only sender.
    await app.strapi.plugin('revalidate').service('dispatcher').stop();
  }, 120_000);
  afterAll(() => app?.stop());

  it('records a change once per receiver, however often it is told', async () => {
    const receivers = ['https://a.example/hook', 'https://b.example/hook'];
    const key = `publish|api::article.article|doc-${Date.now()}|vi|2026-12-02T10:00:00.000Z`;
    await Promise.all([1, 2, 3].map((n) => outbox().enqueue(key, `event-${n}`, '{}', receivers)));
    const rows = (await outbox().recent(500)).filter((r: { event_id: string }) => r.event_id.startsWith('event-'));
    expect(rows.map((r: { receiver: string }) => r.receiver).sort()).toEqual(receivers);
  });

  it('gives each due row to one claimer only, even when they claim at the same time', async () => {
    for (let i = 0; i < 40; i += 1) await outbox().enqueue(`claim-test-${i}`, `claim-${i}`, '{}', ['https://c.example/hook']);
    const claims = await Promise.all([1, 2, 3, 4].map(() => outbox().claim(15)));
    const ids = claims.flat().map((r: { id: number }) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    // The 40 rows, and whatever else was due (the first test's two).
    expect(claims.flat().filter((r: { event_id: string }) => r.event_id.startsWith('claim-'))).toHaveLength(40);
    // Leased rows are not due again until their lease runs out, nor once delivered.
    expect(await outbox().claim(100)).toEqual([]);
    const [first] = claims.flat();
    await outbox().delivered(first, 200, 5);
    expect((await outbox().recent(100)).find((r: { id: number }) => r.id === first.id)).toMatchObject({ last_status: 200, attempts: 1 });
  });

  it('a failed try is due again after the backoff, with its error kept', async () => {
    await outbox().enqueue(`fail-test-${Date.now()}`, 'fail-1', '{}', ['https://d.example/hook']);
    const [row] = (await outbox().claim(100)).filter((r: { event_id: string }) => r.event_id === 'fail-1');
    await outbox().failed(row, 503, 'HTTP 503', 12);
    const failure = (await outbox().failures(10)).find((r: { id: number }) => r.id === row.id);
    expect(failure).toMatchObject({ last_status: 503, last_error: 'HTTP 503', failed_at: null });
    expect(failure.next_at - Date.now()).toBeGreaterThan(9000);
    expect((await outbox().claim(100)).map((r: { id: number }) => r.id)).not.toContain(row.id);
  });

  describe('an event commits with its change, or neither does', () => {
    const ARTICLE = 'api::article.article';
    // Refused at once by the outbound guard (a private address not in OUTBOUND_ALLOW): no network wait.
    const RECEIVER = 'http://127.0.0.1:9/api/revalidate';
    const rowsFor = async (documentId: string) =>
      (await outbox().recent(1000)).filter((r: { payload: string }) => (JSON.parse(r.payload) as { documentId?: string }).documentId === documentId);
    const publishedVersion = (documentId: string) => app.strapi.db.query(ARTICLE).findOne({ where: { documentId, publishedAt: { $notNull: true } } });
    const draft = async (title: string) => (await app.strapi.documents(ARTICLE).create({ data: { title } })).documentId;
    let failListener = false;

    beforeAll(() => {
      app.strapi.config.set('plugin::revalidate.urls', [RECEIVER]);
      app.strapi.config.set('plugin::revalidate.secret', 'bi-mat-thu-nghiem-0123456789');
      // A listener that fails on demand, after revalidate's own (subscribed at bootstrap).
      app.strapi.plugin('api-cache').service('changes').subscribe(() => {
        if (failListener) throw new Error('listener failed on purpose');
      });
    });
    afterAll(() => {
      app.strapi.config.set('plugin::revalidate.urls', []);
    });

    it('a publish records its event', async () => {
      const documentId = await draft('Tin có sự kiện làm mới');
      await app.strapi.documents(ARTICLE).publish({ documentId });
      expect(await rowsFor(documentId)).toHaveLength(1);
    });

    it('a publish rolled back by its caller leaves no event (the row was in the same transaction)', async () => {
      const documentId = await draft('Tin bị hoàn tác');
      await expect(
        app.strapi.db.transaction(async () => {
          await app.strapi.documents(ARTICLE).publish({ documentId });
          throw new Error('the caller gives up');
        })
      ).rejects.toThrow('the caller gives up');
      expect(await publishedVersion(documentId)).toBeNull();
      expect(await rowsFor(documentId)).toHaveLength(0);
    });

    it('a listener that cannot record the change fails the write: nothing is published without its event', async () => {
      const documentId = await draft('Tin không ghi được sự kiện');
      failListener = true;
      try {
        await expect(app.strapi.documents(ARTICLE).publish({ documentId })).rejects.toThrow('listener failed on purpose');
      } finally {
        failListener = false;
      }
      expect(await publishedVersion(documentId)).toBeNull();
      expect(await rowsFor(documentId)).toHaveLength(0);
      // The same publish goes through once the listener works.
      await app.strapi.documents(ARTICLE).publish({ documentId });
      expect(await publishedVersion(documentId)).not.toBeNull();
      expect(await rowsFor(documentId)).toHaveLength(1);
    });
  });
});
