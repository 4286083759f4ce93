#!/usr/bin/env node
// npm run bench:editorial — what content history and the audit log cost, SQLite or PostgreSQL
// (BENCH_DATABASE=postgres), in one boot of the sample site:
// 1. p50/p95 of BENCH_SAVES (200) admin saves of a sample article (PUT through the content
//    manager) with history and audit on, and as many with both off for that type; the two
//    alternate save by save, so a busy moment of a shared machine hits both;
// 2. bytes per version (the JSON stored for the article's versions, mean and largest);
// 3. listing the history of a document with BENCH_VERSIONS (1,000) versions through the admin
//    route (a page of 25, newest first): p50/p95 of BENCH_ROUNDS (30) requests; target < 50 ms;
//    next to the review-stage route of the same document (the same sign-in, permission and
//    document checks, no history query).
// A measurement, not a test (the behaviour lives in test/integration/content-history.test.ts).
const request = require('supertest');
const { bootStrapi } = require('./lib/server-process');

const database = process.env.BENCH_DATABASE || 'sqlite';
const SAVES = Number(process.env.BENCH_SAVES || 200);
const VERSIONS = Number(process.env.BENCH_VERSIONS || 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 30);
const ARTICLE = 'api::article.article';
const PASSWORD = 'Mat-khau-do-hieu-nang-2024';
const LIST_TARGET_MS = 50;

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const round = (ms) => Math.round(ms * 10) / 10;
const timed = async (fn) => {
  const start = process.hrtime.bigint();
  const res = await fn();
  return { res, ms: Number(process.hrtime.bigint() - start) / 1e6 };
};

async function main() {
  const { strapi, drop } = await bootStrapi(database, 'tdkt_bench_editorial', { API_CACHE: 'off', SCHEDULED_PUBLISHING: 'false' });
  strapi.server.mount();
  await strapi.plugin('image-pipeline').service('queue').idle();
  const http = request(strapi.server.httpServer);
  try {
    const role = await strapi.service('admin::role').findOne({ code: 'strapi-super-admin' });
    const email = 'do-hieu-nang@example.vn';
    await strapi.service('admin::user').create({ email, firstname: 'Đo', lastname: 'Hiệu năng', password: PASSWORD, isActive: true, registrationToken: null, roles: [role.id] });
    const token = (await http.post('/admin/login').send({ email, password: PASSWORD })).body.data.token;
    const auth = { Authorization: `Bearer ${token}` };

    // The sample article with the longest body: the heaviest version the sample makes.
    const drafts = await strapi.documents(ARTICLE).findMany({ locale: 'vi', status: 'draft', fields: ['documentId', 'title', 'body'], limit: 100 });
    const sample = drafts.sort((a, b) => JSON.stringify(b.body ?? '').length - JSON.stringify(a.body ?? '').length)[0];
    const documentId = sample.documentId;

    // 1. Saves, history and audit on and off for the article type (both read their config per write).
    const config = strapi.config.get('plugin::editorial');
    const on = { history: config.history.contentTypes, exclude: config.exclude };
    const setMode = (mode) => {
      strapi.config.set('plugin::editorial.history.contentTypes', mode === 'on' ? on.history : on.history.filter((uid) => uid !== ARTICLE));
      strapi.config.set('plugin::editorial.exclude', mode === 'on' ? on.exclude : [...on.exclude, ARTICLE]);
    };
    const saves = { on: [], off: [] };
    for (let i = 0; i < 2 * SAVES; i += 1) {
      const mode = i % 2 === 0 ? 'on' : 'off';
      setMode(mode);
      const { res, ms } = await timed(() =>
        http.put(`/content-manager/collection-types/${ARTICLE}/${documentId}`).query({ locale: 'vi' }).set(auth).send({ summary: `Tóm tắt lần sửa ${i}: hội nghị tổng kết công tác thi đua khen thưởng.` })
      );
      if (res.status !== 200) throw new Error(`save ${i} answered ${res.status}: ${res.text.slice(0, 200)}`);
      saves[mode].push(ms);
    }
    setMode('on');
    const saveRows = ['on', 'off'].map((mode) => ({ 'history + audit': mode, saves: saves[mode].length, p50_ms: round(quantile(saves[mode], 0.5)), p95_ms: round(quantile(saves[mode], 0.95)) }));

    // 2. Bytes per version of that article.
    const knex = strapi.db.connection;
    const contents = (await knex('editorial_versions').where({ uid: ARTICLE, document_id: documentId, locale: 'vi' }).select('content')).map((r) => Buffer.byteLength(r.content, 'utf8'));
    const bytes = { versions: contents.length, mean: Math.round(contents.reduce((a, b) => a + b, 0) / contents.length), max: Math.max(...contents) };

    // 3. A document with VERSIONS versions (rows copied from the article's last one), listed.
    const last = await knex('editorial_versions').where({ uid: ARTICLE, document_id: documentId, locale: 'vi' }).orderBy('id', 'desc').first();
    const { id: _id, ...template } = last;
    const long = await strapi.documents(ARTICLE).create({ locale: 'vi', data: { title: 'Đo lịch sử: bài có nghìn phiên bản' } });
    const rows = Array.from({ length: VERSIONS }, (_, i) => ({ ...template, document_id: long.documentId, at: Date.now() - (VERSIONS - i) * 60_000 }));
    for (let i = 0; i < rows.length; i += 200) await knex('editorial_versions').insert(rows.slice(i, i + 200));
    const listUrl = `/editorial/history/${ARTICLE}/${long.documentId}`;
    await http.get(listUrl).query({ locale: 'vi' }).set(auth);
    const lists = [];
    for (let i = 0; i < ROUNDS; i += 1) {
      const { res, ms } = await timed(() => http.get(listUrl).query({ locale: 'vi' }).set(auth));
      if (res.status !== 200 || res.body.meta.pagination.total < VERSIONS) throw new Error(`list answered ${res.status}`);
      lists.push(ms);
    }
    // The same admin request without the history query (sign-in check, permission engine, the
    // document's lookup): what the route costs before it reads a version.
    const stagesUrl = `/editorial/stages/${ARTICLE}/${long.documentId}`;
    const baseline = [];
    for (let i = 0; i < ROUNDS; i += 1) {
      const { res, ms } = await timed(() => http.get(stagesUrl).query({ locale: 'vi' }).set(auth));
      if (res.status !== 200) throw new Error(`stages answered ${res.status}`);
      baseline.push(ms);
    }
    // The history query alone (the service: a count and a page on the index), in process.
    const history = strapi.plugin('editorial').service('history');
    const queries = [];
    for (let i = 0; i < ROUNDS; i += 1) {
      const { ms } = await timed(() => history.list({ uid: ARTICLE, documentId: long.documentId, locale: 'vi' }, 1, 25));
      queries.push(ms);
    }
    const list = {
      versions: VERSIONS + 1,
      pageSize: 25,
      p50_ms: round(quantile(lists, 0.5)),
      p95_ms: round(quantile(lists, 0.95)),
      target_ms: LIST_TARGET_MS,
      sameRouteWithoutHistory_p50_ms: round(quantile(baseline, 0.5)),
      queryOnly_p50_ms: round(quantile(queries, 0.5)),
      queryOnly_p95_ms: round(quantile(queries, 0.95)),
    };

    console.log(`Admin saves of one article (${database}), alternating; PUT /content-manager…`);
    console.table(saveRows);
    console.log(`Bytes per version of the sample article: mean ${bytes.mean}, largest ${bytes.max} (${bytes.versions} versions)`);
    console.log(`Listing the history of a document with ${list.versions} versions (page of 25): p50 ${list.p50_ms} ms, p95 ${list.p95_ms} ms (target < ${LIST_TARGET_MS} ms); an admin route of the same document without it: p50 ${list.sameRouteWithoutHistory_p50_ms} ms; the history query alone: p50 ${list.queryOnly_p50_ms} ms, p95 ${list.queryOnly_p95_ms} ms`);
    console.log(JSON.stringify({ database, saves: saveRows, bytesPerVersion: bytes, list }));
  } finally {
    await strapi.destroy();
    await drop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  }
);
