import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { AppProcess } from '../helpers/app-process';
import { appDir, createTestEnv } from '../helpers/strapi';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = path.join(appDir, 'test', 'artifacts');
const TITLE = 'Khối Mặt trận - Đoàn thể ký kết giao ước thi đua năm 2025';
const SLUG = 'khoi-mat-tran-doan-the-ky-ket-giao-uoc-thi-dua-nam-2025';
const ALT = 'Đại diện các đơn vị ký giao ước thi đua';
// English that must not be left on the pages an editor goes through.
const ENGLISH = ['Content Manager', 'Save', 'Publish', 'Create new entry', 'Media Library', 'Open preview', 'characters'];

const REVIEW_PASSWORD = 'Duyet-bai-2025';
/** The first administrator, registered through the admin's own page. */
const ADMIN = { email: 'le.hang@example.vn', password: 'Bien-tap-2025' };
const REPORTER = { email: 'pv.an@example.vn', firstname: 'An', lastname: 'Nguyễn', role: 'tdkt-author' };
const EDITOR = { email: 'btv.binh@example.vn', firstname: 'Bình', lastname: 'Trần', role: 'tdkt-editor' };
const REVIEW_TITLE = 'Huyện Đông Sơn tổng kết phong trào thi đua yêu nước năm 2025';
const RETURN_NOTE = 'Cần ghi rõ số đơn vị được khen thưởng.';

/** Whether a URL is the admin's request for the entries of a collection type (its list view). */
const isListRequest = (url: string, uid: string) => new URL(url).pathname === `/content-manager/collection-types/${uid}`;

/** Waits until `check` holds, for at most `ms` (the caller then asserts, so a timeout fails clearly). */
async function until(check: () => Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
}

/**
 * Builds the admin panel unless dist/build is newer than everything it is built from. The build
 * loads the app's config, so it gets the throwaway env too (else it would write development
 * secrets into the project's .env).
 */
function buildAdmin(env: Record<string, string>): number {
  const index = path.join(appDir, 'dist', 'build', 'index.html');
  const sources = [path.join(appDir, 'src', 'admin'), path.join(appDir, 'package-lock.json')].flatMap((p) =>
    fs.statSync(p).isDirectory() ? fs.readdirSync(p, { recursive: true }).map((f) => path.join(p, String(f))) : [p]
  );
  const newest = Math.max(...sources.map((f) => fs.statSync(f).mtimeMs));
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs > newest) return 0;
  const started = Date.now();
  execFileSync(path.join(appDir, 'node_modules', '.bin', 'strapi'), ['build', '--silent'], { cwd: appDir, stdio: 'inherit', env: { ...process.env, ...env } });
  return Date.now() - started;
}

describe('an editor in the Vietnamese admin (real browser)', () => {
  let app: AppProcess;
  let drop: () => Promise<void>;
  let browser: BrowserContext;
  let page: Page;
  let base: string;
  let userDataDir: string;
  let step = 0;

  const shot = async (name: string) => {
    step += 1;
    await page.screenshot({ path: path.join(ARTIFACTS, `${String(step).padStart(2, '0')}-${name}.png`), fullPage: true });
  };
  /** Visible text of the page must not hold the English labels Strapi ships. */
  const expectNoEnglish = async () => {
    const text = await page.locator('body').innerText();
    for (const english of ENGLISH) expect(text).not.toMatch(new RegExp(`\\b${english}\\b`));
  };

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const testEnv = await createTestEnv();
    drop = testEnv.drop;
    const built = buildAdmin(testEnv.env);
    console.log(`[browser] admin build: ${built ? `${(built / 1000).toFixed(0)} s` : 'up to date'}`);
    app = new AppProcess({ ...testEnv.env, SEED_SAMPLE_DATA: 'false' }, { commands: path.join(appDir, 'test', 'process', 'commands', 'admins.js'), listen: true, admin: true, stdout: 'ignore' });
    const { port } = await app.ready;
    base = `http://127.0.0.1:${port}`;
    userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-chromium-'));
    // A fresh profile: playwright takes it as the persistent context's directory (--user-data-dir).
    browser = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      viewport: { width: 1400, height: 1000 },
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    // Each wait is for something the page draws after an answer it already has. Under CI's load
    // (two jest workers, the admin build and a PostgreSQL suite beside this test) one such drawing
    // took over 20 s once, so every wait may take a minute; the tests' own limits are above that.
    page.setDefaultTimeout(60_000);
  }, 600_000); // a cold admin build takes 2–5 min on a busy 2-core machine

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await drop?.();
    if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
  });

  it('registers the first administrator in Vietnamese', async () => {
    // The first page loads and boots the whole admin bundle: its end is when the network is idle.
    await page.goto(`${base}/admin/auth/register-admin`, { waitUntil: 'networkidle', timeout: 0 });
    await page.locator('input[name="firstname"]').waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage.getItem('strapi-admin-language'))).toBe('vi');
    expect(await page.locator('body').innerText()).toContain('Chào mừng');
    await shot('register');
    await page.fill('input[name="firstname"]', 'Lê');
    await page.fill('input[name="lastname"]', 'Hằng');
    await page.fill('input[name="email"]', ADMIN.email);
    await page.fill('input[name="password"]', ADMIN.password);
    await page.fill('input[name="confirmPassword"]', ADMIN.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/admin\/?$/);
    await page.getByText('Quản lý nội dung').first().waitFor();
    await shot('home');
  }, 180_000);

  it('writes an article: Vietnamese title typed, slug filled in, cover with alternative text, published', async () => {
    // The list is drawn from its own request, which the admin sends only once its bundle has
    // loaded and booted: under load (average ~3) that took over 20 s, so the test waits for that
    // request's answer (however long the page takes), then for the column drawn from it.
    const listed = page.waitForResponse((r) => isListRequest(r.url(), 'api::article.article') && r.request().method() === 'GET', { timeout: 0 });
    await page.goto(`${base}/admin/content-manager/collection-types/api::article.article`);
    expect((await listed).status()).toBe(200);
    await page.getByText('Tiêu đề').first().waitFor();
    await expectNoEnglish();
    await shot('article-list');

    await page.goto(`${base}/admin/content-manager/collection-types/api::article.article/create?plugins[i18n][locale]=vi`, { waitUntil: 'networkidle', timeout: 0 });
    const title = page.locator('input[name="title"]');
    await title.waitFor();
    await title.click();
    // Typed key by key, as an editor does (a fill() would skip the input events React listens to).
    await page.keyboard.type(TITLE, { delay: 25 });
    await expectNoEnglish();
    await shot('title');
    // Strapi 5's admin fills a uid only for required fields when the form opens; the
    // vietnamese-text plugin derives the slug from the title on save, and the form shows it.
    await page.getByRole('button', { name: 'Lưu' }).click();
    const slug = page.locator('input[name="slug"]');
    await until(async () => (await slug.inputValue()) === SLUG, 20_000);
    expect(await slug.inputValue()).toBe(SLUG);
    await shot('saved-with-slug');

    // Cover: upload from the computer in the media dialog, alternative text set before uploading.
    const image = path.join(os.tmpdir(), `tdkt-cover-${process.pid}.jpg`);
    await sharp({ create: { width: 800, height: 500, channels: 3, background: '#b22222' } }).jpeg().toFile(image);
    await page.getByText('Ảnh đại diện').first().scrollIntoViewIfNeeded();
    await shot('cover-field');
    await page.getByText('Bấm để thêm tệp, hoặc kéo thả vào đây').first().click();
    await page.getByRole('button', { name: 'Thêm tệp', exact: true }).click();
    await page.locator('input[type="file"]').setInputFiles(image);
    await page.getByText('1 tệp sẵn sàng tải lên').waitFor();
    await shot('upload-pending');
    // The card's pencil opens its details, where the alternative text goes.
    await page.getByText(path.basename(image)).hover();
    await page.getByRole('button', { name: 'Sửa' }).click();
    await page.locator('input[name="alternativeText"]').fill(ALT);
    await shot('alternative-text');
    await page.getByRole('dialog').getByRole('button', { name: /Hoàn tất|Xong|Finish/ }).last().click();
    await page.getByRole('button', { name: 'Tải 1 tệp lên thư viện' }).click();
    await shot('asset-selected');
    await page.getByRole('button', { name: 'Hoàn tất' }).click();
    await shot('cover-set');

    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('button', { name: 'Xuất bản' }).click();
    await page.getByText(/Đã xuất bản/).first().waitFor();
    await expectNoEnglish();
    await shot('published');
  }, 400_000); // typing and the media dialogs take about a minute on a busy machine

  it('serves the published article through the public API and the RSS feed', async () => {
    const res = await fetch(`${base}/api/articles?filters[slug][$eq]=${SLUG}&populate[cover]=true`);
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as { data: { title: string; cover: { alternativeText: string } | null }[] };
    expect(data).toHaveLength(1);
    expect(data[0].title).toBe(TITLE);
    expect(data[0].cover?.alternativeText).toBe(ALT);

    const rss = await fetch(`${base}/api/feeds/rss.xml`);
    expect(rss.status).toBe(200);
    expect(await rss.text()).toContain(`/tin-tuc/${SLUG}`);
  });

  it('shows Settings → "Làm mới trang web" in Vietnamese, with its "Gửi thử" button', async () => {
    const overview = page.waitForResponse((r) => r.url().endsWith('/revalidate/deliveries') && r.request().method() === 'GET', { timeout: 0 });
    await page.goto(`${base}/admin/settings/revalidate`);
    expect((await overview).status()).toBe(200);
    await page.getByRole('button', { name: 'Gửi thử' }).waitFor();
    const text = await page.locator('body').innerText();
    expect(text).toContain('Làm mới trang web');
    expect(text).toContain('Lần gửi gần đây');
    await expectNoEnglish();
    await shot('revalidate-settings');
  }, 180_000);

  it('shows Settings → "Việc chạy nền" in Vietnamese, with the cover\'s image job among the finished ones', async () => {
    const dead = page.waitForResponse((r) => r.url().includes('/jobs/jobs?state=dead') && r.request().method() === 'GET', { timeout: 0 });
    await page.goto(`${base}/admin/settings/jobs`);
    expect((await dead).status()).toBe(200);
    const finished = page.waitForResponse((r) => r.url().includes('/jobs/jobs?state=done') && r.request().method() === 'GET', { timeout: 0 });
    await page.getByRole('button', { name: /^Xong/ }).click();
    expect((await finished).status()).toBe(200);
    await page.getByText('Cỡ ảnh, WebP/AVIF').first().waitFor();
    const text = await page.locator('body').innerText();
    expect(text).toContain('Việc chạy nền');
    expect(text).toContain('Đã bỏ');
    await expectNoEnglish();
    await shot('jobs-settings');
  }, 180_000);

  it('shows Settings → "Nhật ký hoạt động" in Vietnamese, with what this editor did and "Xuất CSV"', async () => {
    const list = page.waitForResponse((r) => r.url().includes('/editorial/audit-log?') && r.request().method() === 'GET', { timeout: 0 });
    await page.goto(`${base}/admin/settings/editorial-audit-log`);
    expect((await list).status()).toBe(200);
    await page.getByRole('button', { name: 'Xuất CSV' }).waitFor();
    const text = await page.locator('body').innerText();
    expect(text).toContain('Nhật ký hoạt động');
    expect(text).toContain('Xuất bản');
    expect(text).toContain('Tải lên tệp');
    await expectNoEnglish();
    await shot('audit-log-settings');
  }, 180_000);

  it('goes through review: a Phóng viên submits, a Biên tập viên returns it with a note, the reporter fixes and resubmits, the editor approves and publishes, then restores the first version from "Lịch sử"', async () => {
    for (const user of [REPORTER, EDITOR]) await app.ask({ cmd: 'createAdmin', ...user, password: REVIEW_PASSWORD });
    const panel = () => page.getByRole('region', { name: 'Trạng thái duyệt' });
    /** Signs out whoever is signed in (the admin keeps its session in storage and a cookie), then in as `email`. */
    const signInAs = async (email: string, password = REVIEW_PASSWORD) => {
      await page.context().clearCookies();
      await page.evaluate(() => {
        const { localStorage, sessionStorage } = globalThis as unknown as Record<'localStorage' | 'sessionStorage', { removeItem(key: string): void }>;
        localStorage.removeItem('jwtToken');
        sessionStorage.removeItem('jwtToken');
      });
      await page.goto(`${base}/admin/auth/login`, { waitUntil: 'networkidle', timeout: 0 });
      await page.fill('input[name="email"]', email);
      await page.fill('input[name="password"]', password);
      await page.locator('button[type="submit"]').click();
      await page.waitForURL(/\/admin\/?$/);
    };
    /** Opens the edit view and waits for the review panel's own request to be answered. */
    const openArticle = async (url: string) => {
      const stage = page.waitForResponse((r) => r.url().includes('/editorial/stages/') && r.request().method() === 'GET', { timeout: 0 });
      await page.goto(url);
      expect((await stage).status()).toBe(200);
      await panel().waitFor();
    };

    // The reporter writes a draft and submits it.
    await signInAs(REPORTER.email);
    await page.goto(`${base}/admin/content-manager/collection-types/api::article.article/create?plugins[i18n][locale]=vi`, { waitUntil: 'networkidle', timeout: 0 });
    await page.locator('input[name="title"]').click();
    await page.keyboard.type(REVIEW_TITLE, { delay: 10 });
    await page.getByRole('button', { name: 'Lưu' }).click();
    await panel().getByText('Bản nháp').waitFor({ timeout: 60_000 });
    const articleUrl = page.url();
    expect(articleUrl).toMatch(/api::article\.article\/[a-z0-9]+/);
    // A reporter may submit, not approve; Strapi shows them no "Xuất bản" either.
    expect(await panel().getByRole('button', { name: 'Duyệt', exact: true }).count()).toBe(0);
    await panel().getByRole('button', { name: 'Gửi duyệt' }).click();
    await panel().getByText('Chờ duyệt').first().waitFor();
    await expectNoEnglish();
    await shot('review-submitted');

    // The editor finds it in "Chờ duyệt" and returns it with a note.
    await signInAs(EDITOR.email);
    const queue = page.waitForResponse((r) => r.url().includes('/editorial/queue') && r.request().method() === 'GET', { timeout: 0 });
    await page.goto(`${base}/admin/editorial-queue`);
    expect((await queue).status()).toBe(200);
    await page.getByText(REVIEW_TITLE).waitFor();
    expect(await page.locator('body').innerText()).toContain('An Nguyễn');
    await expectNoEnglish();
    await shot('review-queue');
    const stage = page.waitForResponse((r) => r.url().includes('/editorial/stages/') && r.request().method() === 'GET', { timeout: 0 });
    await page.getByText(REVIEW_TITLE).click();
    expect((await stage).status()).toBe(200);
    await panel().getByRole('button', { name: 'Trả lại' }).click();
    await panel().locator('textarea').fill(RETURN_NOTE);
    await panel().getByRole('button', { name: 'Trả lại bài' }).click();
    await panel().getByText(`Lý do trả lại: ${RETURN_NOTE}`).waitFor();
    await shot('review-returned');

    // The reporter reads the note, fixes the draft and submits it again.
    await signInAs(REPORTER.email);
    await openArticle(articleUrl);
    await panel().getByText(`Lý do trả lại: ${RETURN_NOTE}`).waitFor();
    await page.locator('input[name="title"]').click();
    await page.keyboard.press('End');
    await page.keyboard.type(': 42 đơn vị được khen', { delay: 10 });
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText(/Đã lưu/).first().waitFor();
    await panel().getByRole('button', { name: 'Gửi duyệt' }).click();
    await panel().getByText('Chờ duyệt').first().waitFor();

    // The editor filters the article list to "Trạng thái duyệt là Chờ duyệt" through the filter
    // menu, and sees the stage in a column beside the title.
    await signInAs(EDITOR.email);
    await page.goto(`${base}/admin/content-manager/collection-types/api::article.article?page=1&pageSize=10&plugins[i18n][locale]=vi`, { waitUntil: 'networkidle', timeout: 0 });
    await page.getByRole('button', { name: 'Bộ lọc' }).click();
    await page.getByRole('combobox', { name: 'Chọn trường' }).click();
    await page.getByRole('option', { name: 'Trạng thái duyệt' }).click();
    await page.getByRole('combobox', { name: 'Trạng thái duyệt' }).click();
    await page.getByRole('option', { name: 'Chờ duyệt' }).click();
    const list = page.waitForResponse((r) => r.url().includes('/content-manager/collection-types/api::article.article?') && r.url().includes('reviewStage'), { timeout: 0 });
    await page.getByRole('button', { name: 'Thêm bộ lọc' }).click();
    expect((await list).status()).toBe(200);
    await page.getByText('Trạng thái duyệt là Chờ duyệt').first().waitFor();
    const row = page.getByRole('row').filter({ hasText: REVIEW_TITLE });
    await row.waitFor();
    // textContent: the badge and the headers are shown in capitals by CSS.
    expect(await row.textContent()).toContain('Chờ duyệt');
    const bodyRows = await page.locator('tbody tr').allTextContents();
    expect(bodyRows.length).toBeGreaterThan(0);
    for (const text of bodyRows) expect(text).toContain('Chờ duyệt');
    const header = await page.locator('thead th').filter({ hasText: 'Trạng thái duyệt' }).boundingBox();
    expect(header && header.x + header.width <= (page.viewportSize()?.width ?? 0)).toBe(true);
    await expectNoEnglish();
    await shot('review-list-filtered');

    // The editor approves and publishes.
    await openArticle(articleUrl);
    await panel().getByRole('button', { name: 'Duyệt', exact: true }).click();
    await panel().getByText('Đã duyệt').first().waitFor();
    await page.getByRole('button', { name: 'Xuất bản' }).click();
    await page.getByText(/Đã xuất bản/).first().waitFor();
    await expectNoEnglish();
    await shot('review-approved-published');

    const documentId = new URL(articleUrl).pathname.split('/').pop();
    const published = async () => ((await (await fetch(`${base}/api/articles/${documentId}?locale=vi`)).json()) as { data: { title: string } }).data.title;
    expect(await published()).toBe(`${REVIEW_TITLE}: 42 đơn vị được khen`);

    // "Lịch sử": the first version, its changes, restored into the draft (the site keeps the published one).
    const history = page.getByRole('region', { name: 'Lịch sử phiên bản' });
    await history.getByRole('button', { name: /^Tạo mới/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/phiên bản đầu tiên/).waitFor();
    expect(await dialog.innerText()).toContain('Huyện Đông Sơn');
    await shot('history-version');
    await dialog.getByRole('button', { name: 'Khôi phục phiên bản này' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Khôi phục', exact: true }).click();
    // The page reloads with the restored draft.
    await until(async () => (await page.locator('input[name="title"]').inputValue().catch(() => '')) === REVIEW_TITLE, 60_000);
    expect(await page.locator('input[name="title"]').inputValue()).toBe(REVIEW_TITLE);
    await expectNoEnglish();
    await shot('history-restored');
    expect(await published()).toBe(`${REVIEW_TITLE}: 42 đơn vị được khen`);

    // The administrator finds every step in "Nhật ký hoạt động" and exports them.
    await signInAs(ADMIN.email, ADMIN.password);
    const log = page.waitForResponse((r) => r.url().includes('/editorial/audit-log?') && r.request().method() === 'GET', { timeout: 0 });
    await page.goto(`${base}/admin/settings/editorial-audit-log`);
    expect((await log).status()).toBe(200);
    await page.getByText(REVIEW_TITLE).first().waitFor();
    const entries = (await page.locator('tbody').textContent()) ?? '';
    for (const step of ['Gửi duyệt', 'Trả lại bài', 'Duyệt bài', 'Xuất bản', 'Khôi phục phiên bản']) expect(entries).toContain(step);
    await expectNoEnglish();
    await shot('audit-log-review');
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByRole('button', { name: 'Xuất CSV' }).click();
    const csv = fs.readFileSync((await (await download).path()) ?? '', 'utf8');
    for (const action of ['review.submitted', 'review.returned', 'review.approved', 'history.restore']) expect(csv).toContain(action);
    expect(csv).toContain(REVIEW_TITLE);
    expect(csv).toContain(RETURN_NOTE);
  }, 600_000);
});
