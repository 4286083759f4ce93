import type { Core } from '@strapi/strapi';
import { ArticleImporter } from './import-article';
import { readSource } from './read-source';

export interface ImportReport {
  origin: string;
  message: string;
}

export interface ImportSummary {
  total: number;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  failures: ImportReport[];
  warnings: ImportReport[];
}

/**
 * Imports every item of a .jsonl file or a folder, one after the other. A failed item is
 * reported and the rest go on; `onProgress` is called after each item.
 */
export async function runImport(
  strapi: Core.Strapi,
  target: string,
  onProgress: (done: number, total: number) => void = () => {}
): Promise<ImportSummary> {
  const items = await readSource(target);
  const importer = new ArticleImporter(strapi);
  const summary: ImportSummary = { total: items.length, created: 0, updated: 0, skipped: 0, failed: 0, failures: [], warnings: [] };
  onProgress(0, items.length);
  for (const [index, item] of items.entries()) {
    try {
      const { outcome, warnings } = await importer.import(item.read());
      summary[outcome] += 1;
      summary.warnings.push(...warnings.map((message) => ({ origin: item.origin, message })));
    } catch (error) {
      summary.failed += 1;
      summary.failures.push({ origin: item.origin, message: errorMessage(error) });
    }
    onProgress(index + 1, items.length);
  }
  return summary;
}

/** Strapi validation errors carry the field details; say which field. */
function errorMessage(error: unknown): string {
  const e = error as { message?: string; details?: { errors?: { path?: string[]; message?: string }[] } };
  const details = e.details?.errors?.map((d) => `${d.path?.join('.') ?? ''}: ${d.message}`).join('; ');
  return details ? `${e.message} (${details})` : (e.message ?? String(error));
}

/** The lines printed at the end of a run. */
export function formatSummary(s: ImportSummary): string {
  const lines = [
    `Nhập bài cũ: ${s.total} mục — tạo mới ${s.created}, cập nhật ${s.updated}, bỏ qua (không đổi) ${s.skipped}, lỗi ${s.failed}.`,
  ];
  for (const w of s.warnings) lines.push(`  cảnh báo ${w.origin}: ${w.message}`);
  for (const f of s.failures) lines.push(`  LỖI ${f.origin}: ${f.message}`);
  return lines.join('\n');
}
