import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { describeIntegration, startApp, testDatabase, type TestApp } from '../helpers/strapi';

// Schemas: test/fixtures/sitemap-schemas/README.md (the official sitemap.xsd comes from the
// `sitemap` package in node_modules). Debian's xmllint validates; .ci/run installs it.
const SCHEMAS = path.resolve(__dirname, '..', 'fixtures', 'sitemap-schemas');
const URLSET = path.join(SCHEMAS, 'urlset.xsd');
const INDEX = path.join(SCHEMAS, 'sitemap-index.xsd');

const work = mkdtempSync(path.join(os.tmpdir(), 'sitemap-schemas-'));
let files = 0;

/** xmllint's verdict on one document: its stderr names the line and rule when invalid. */
function validate(xml: string, schema: string): { valid: boolean; report: string } {
  const file = path.join(work, `doc-${++files}.xml`);
  writeFileSync(file, xml);
  const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, file], { encoding: 'utf8' });
  if (run.error) throw new Error(`xmllint could not run (apt-get install libxml2-utils): ${run.error.message}`);
  return { valid: run.status === 0, report: run.stderr.trim() };
}

describeIntegration(`sitemaps against the sitemap schemas (${testDatabase})`, () => {
  let app: TestApp;
  const api = () => request(app.strapi.server.httpServer);
  const get = async (url: string) => (await api().get(url).expect(200)).text;

  beforeAll(async () => {
    app = await startApp();
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('the validator refuses what Google refuses: an empty <urlset/> and an index without sitemaps', () => {
    const empty = validate('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>', URLSET);
    expect(empty.valid).toBe(false);
    expect(empty.report).toMatch(/Missing child element/);
    expect(validate('<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>', INDEX).valid).toBe(false);
  });

  it('the index and every part it lists are valid, hreflang alternates included', async () => {
    const index = await get('/api/sitemap.xml');
    expect(validate(index, INDEX)).toEqual({ valid: true, report: expect.any(String) });
    const parts = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
    expect(parts.length).toBeGreaterThanOrEqual(5);
    for (const part of parts) {
      const xml = await get(part);
      expect([part, validate(xml, URLSET).report]).toEqual([part, expect.stringMatching(/validates$/)]);
    }
  });

  it('the Google News sitemap is valid when quiet (no article in 48 hours) and with fresh articles', async () => {
    const quiet = await get('/api/news-sitemap.xml');
    // The sample is dated 2024: nothing is news today, the case that used to be an empty <urlset/>.
    expect(quiet).not.toContain('<news:news>');
    expect(validate(quiet, URLSET).report).toMatch(/validates$/);

    await app.strapi.documents('api::article.article').create({ status: 'published', data: { title: 'Tin mới: hội nghị “Khen thưởng” & <tổng kết>' } });
    const fresh = await get('/api/news-sitemap.xml');
    expect(fresh).toContain('<news:news>');
    expect(validate(fresh, URLSET).report).toMatch(/validates$/);
  });
});
