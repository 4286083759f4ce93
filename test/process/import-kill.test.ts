import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appDir } from '../helpers/strapi';
import { createTestEnv, runTemplate } from '../helpers/test-env';

// better-sqlite3 is the app's own driver; read the file directly, as an operator would after a crash.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Database = require('better-sqlite3') as new (file: string, options?: { readonly?: boolean }) => {
  prepare(sql: string): { all(...args: unknown[]): Record<string, unknown>[]; get(...args: unknown[]): Record<string, unknown> };
  close(): void;
};

const ITEMS = 200;
const SCRIPT = path.join(appDir, 'dist', 'src', 'scripts', 'import.js');

const AGENCIES = ['Hội Nông dân tỉnh', 'LĐLĐ tỉnh', 'Tỉnh đoàn', 'hoi cuu chien binh tinh'];
const MOVEMENTS = ['Cựu chiến binh gương mẫu', 'Lao động giỏi, lao động sáng tạo'];

/** A generated archive: ITEMS Markdown files, each linked to a category, a bloc, agencies and a movement. */
function generate(dir: string) {
  for (let i = 0; i < ITEMS; i += 1) {
    const n = String(i).padStart(4, '0');
    fs.writeFileSync(
      path.join(dir, `bai-${n}.md`),
      [
        '---',
        `sourceId: sinh-${n}`,
        `title: Bản tin thi đua số ${i + 1} của khối Mặt trận – Đoàn thể`,
        `date: ${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/${2010 + (i % 10)} 08:${String(i % 60).padStart(2, '0')}`,
        'category: Tin hoạt động cụm, khối thi đua',
        'blocs: [Khối Mặt trận – Đoàn thể]',
        `agencies: [${AGENCIES[i % 4]}, ${AGENCIES[(i + 1) % 4]}]`,
        'movements:',
        `  - ${MOVEMENTS[i % 2]}`,
        '---',
        `Đoàn viên, hội viên hưởng ứng phong trào, đợt ${i + 1}.`,
        '',
        '- Tổ chức hội nghị sơ kết',
        '- Biểu dương cá nhân tiêu biểu',
        '',
      ].join('\n')
    );
  }
}

/** Runs the import script; resolves when it exits, or calls `onLine` with each progress line. */
function runImportProcess(env: Record<string, string>, dir: string, onLine: (line: string, kill: () => void) => void = () => {}) {
  const child = spawn(process.execPath, [SCRIPT, dir], { cwd: appDir, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d: Buffer) => {
    out += d;
    for (const line of d.toString().split('\n')) onLine(line, () => child.kill('SIGKILL'));
  });
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, out }))
  );
}

// Process-level, on a SQLite file (what the kill leaves on disk is what is checked).
describe('legacy import killed mid-way', () => {
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  let dir: string;

  beforeAll(async () => {
    // The taxonomy the archive links to: a copy of this run's seeded sample (global setup; running
    // the seed script here instead cost ~13 s).
    const test = await createTestEnv('sqlite', 'tdkt_kill', undefined, { template: runTemplate('sqlite') });
    env = { ...test.env, LOG_LEVEL: 'error' };
    drop = test.drop;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-kill-archive-'));
    generate(dir);
  }, 300_000);

  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await drop?.();
  });

  const inspect = () => {
    const db = new Database(env.DATABASE_FILENAME, { readonly: true });
    try {
      const count = (sql: string) => db.prepare(sql).get().n as number;
      const tables = db.prepare("select name from sqlite_master where type = 'table'").all().map((r) => r.name as string);
      const orphans: Record<string, number> = {};
      // Every link table of articles: both ends must exist.
      const targets: Record<string, string> = { category_id: 'categories', bloc_id: 'blocs', agency_id: 'agencies', movement_id: 'movements', inv_article_id: 'articles' };
      for (const table of tables.filter((t) => /^articles_.*_lnk$/.test(t))) {
        const columns = db.prepare(`pragma table_info("${table}")`).all().map((c) => c.name as string);
        for (const column of columns.filter((c) => c.endsWith('_id'))) {
          const target = column === 'article_id' ? 'articles' : targets[column];
          if (!target) continue;
          orphans[`${table}.${column}`] = count(`select count(*) as n from "${table}" l where not exists (select 1 from "${target}" t where t.id = l."${column}")`);
        }
      }
      orphans['files_related_mph(article)'] = count(
        `select count(*) as n from files_related_mph m where m.related_type = 'api::article.article' and not exists (select 1 from articles a where a.id = m.related_id)`
      );
      const duplicateSlugs = db
        .prepare('select slug, locale, published_at is null as draft, count(*) as n from articles group by 1, 2, 3 having count(*) > 1')
        .all();
      const incomplete = count(
        "select count(*) as n from articles where title is null or title = '' or slug is null or slug = '' or (legacy_id is not null and dateline is null)"
      );
      const perSource = db
        .prepare("select legacy_id, sum(published_at is null) as drafts, sum(published_at is not null) as published from articles where legacy_id like 'sinh-%' group by legacy_id")
        .all();
      const links = count("select count(*) as n from articles_agencies_lnk l join articles a on a.id = l.article_id where a.legacy_id like 'sinh-%'");
      return { tables, orphans, duplicateSlugs, incomplete, perSource, links };
    } finally {
      db.close();
    }
  };

  /** What must hold after any run, finished or killed: whole articles only, each source once. */
  const expectConsistent = (state: ReturnType<typeof inspect>) => {
    expect(Object.keys(state.orphans).length).toBeGreaterThan(0);
    expect(Object.entries(state.orphans).filter(([, n]) => n !== 0)).toEqual([]);
    expect(state.duplicateSlugs).toEqual([]);
    expect(state.incomplete).toBe(0);
    expect(state.perSource.filter((r) => r.drafts !== 1 || r.published !== 1)).toEqual([]);
    expect(state.links).toBe(state.perSource.length * 2 * 2); // two agencies, on the draft and the published row
  };

  it('leaves a consistent database when killed, and a second run finishes the job', async () => {
    let killedAt = '';
    const first = await runImportProcess(env, dir, (line, kill) => {
      // Progress lines come every 10 %; stop it hard a third of the way in.
      if (!killedAt && /\s(3\d|4\d)%\s/.test(line)) {
        killedAt = line;
        kill();
      }
    });
    expect(first.signal).toBe('SIGKILL');
    expect(killedAt).not.toBe('');

    const after = inspect();
    expect(after.tables).toContain('articles_agencies_lnk');
    expectConsistent(after);
    // Some but not all items made it.
    expect(after.perSource.length).toBeGreaterThan(0);
    expect(after.perSource.length).toBeLessThan(ITEMS);

    const second = await runImportProcess(env, dir);
    expect(second.code).toBe(0);
    console.log(`[import-kill] killed at "${killedAt.trim()}" with ${after.perSource.length}/${ITEMS} articles written; the second run finished the rest`);
    const summary = /tạo mới (\d+), cập nhật (\d+), bỏ qua \(không đổi\) (\d+), lỗi (\d+)/.exec(second.out);
    expect(summary).not.toBeNull();
    const [created, updated, skipped, failed] = summary!.slice(1).map(Number);
    expect({ created, updated, skipped, failed }).toEqual({ created: ITEMS - after.perSource.length, updated: 0, skipped: after.perSource.length, failed: 0 });

    const done = inspect();
    expect(done.perSource).toHaveLength(ITEMS);
    expectConsistent(done);
  }, 300_000);
});
