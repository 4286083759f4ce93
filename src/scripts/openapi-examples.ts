/**
 * `npm run openapi:examples`: the answer examples of the OpenAPI document, taken from real answers
 * of this app on the sample content (src/documentation/answer-examples.json, committed). Media URLs
 * are made on https://cms.example.vn and website links on https://thiduakhenthuong.example.vn, so
 * the examples do not depend on the machine. The OpenAPI test checks each example against its
 * answer schema and against the sample.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { answerExample } from '../documentation/answer-example';
import { appRoot } from '../env/app-root';
import { withStrapi } from './with-strapi';

const OUT = path.join(appRoot(), 'src', 'documentation', 'answer-examples.json');

withStrapi(
  async (strapi) => {
    // The sample covers' sizes are made by background jobs: wait for them, so the examples show
    // every format a website gets.
    await strapi.plugin('image-pipeline')?.service<{ idle(): Promise<void> }>('queue').idle();
    strapi.server.mount();
    const server = strapi.server.httpServer;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const get = async (url: string) => {
      const res = await fetch(base + url);
      if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
      return res.json() as Promise<{ data: { slug: string }[] }>;
    };
    const slugOf = async (type: string) => (await get(`/api/${type}?pagination[pageSize]=1&sort=id:asc`)).data[0].slug;
    const examples: Record<string, unknown> = {
      getArticlePage: await get(`/api/articles/by-slug/${await slugOf('articles')}`),
      getCategoryPage: await get(`/api/categories/by-slug/${await slugOf('categories')}?pageSize=2`),
      getBlocPage: await get(`/api/blocs/by-slug/${await slugOf('blocs')}?pageSize=2`),
      getAgencyPage: await get(`/api/agencies/by-slug/${await slugOf('agencies')}?pageSize=2`),
      getMovementPage: await get(`/api/movements/by-slug/${await slugOf('movements')}?pageSize=2`),
      getLegalDocumentPage: await get(`/api/legal-documents/by-slug/${await slugOf('legal-documents')}?pageSize=2`),
      getJsonFeed: await get('/api/feeds/feed.json'),
      search: await get('/api/search?q=thi%20dua&pageSize=2'),
    };
    await new Promise((resolve) => server.close(resolve));
    const cut = Object.fromEntries(Object.entries(examples).map(([id, answer]) => [id, answerExample(answer)]));
    fs.writeFileSync(OUT, `${JSON.stringify(cut, null, 2)}\n`);
    console.log(`Đã viết ví dụ câu trả lời của ${Object.keys(cut).length} thao tác vào ${path.relative(appRoot(), OUT)}.`);
  },
  {
    LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
    PUBLIC_URL: 'https://cms.example.vn',
    PUBLIC_MEDIA_URL: 'https://cms.example.vn',
    PUBLIC_SITE_URL: 'https://thiduakhenthuong.example.vn',
    API_CACHE: 'off',
  }
);
