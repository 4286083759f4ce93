import fs from 'node:fs/promises';
import path from 'node:path';
import { bytesAsCp1252 } from './legacy-encodings';
import { parseFrontMatter } from './front-matter';
import { toLegacyArticle, type LegacyArticle } from './legacy-item';
import { parseJsonl } from './parse-jsonl';

/** One item of an import: where it comes from (file, or file:line) and how to read it. */
export interface SourceItem {
  origin: string;
  read: () => LegacyArticle;
}

const PAGE_EXTENSIONS: Record<string, 'html' | 'markdown'> = { '.html': 'html', '.htm': 'html', '.md': 'markdown', '.markdown': 'markdown' };

/**
 * A file's text: UTF-8 when it is valid UTF-8, otherwise its bytes one character each
 * (TCVN3 and VNI files are 8-bit; the encoding is then detected from the text).
 */
export function decodeFileBytes(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return bytesAsCp1252(bytes.toString('latin1'));
  }
}

/** The items of a .jsonl file or of a folder of .html/.md (and .jsonl) files, in name order. */
export async function readSource(target: string): Promise<SourceItem[]> {
  const stat = await fs.stat(target);
  const files = stat.isDirectory()
    ? (await fs.readdir(target)).sort().map((name) => path.join(target, name))
    : [target];
  const items: SourceItem[] = [];
  for (const file of files) {
    const ext = path.extname(file).toLowerCase();
    const baseDir = path.dirname(file);
    const shown = path.relative(process.cwd(), file) || file;
    if (ext === '.jsonl' || ext === '.ndjson') {
      for (const line of parseJsonl(decodeFileBytes(await fs.readFile(file)))) {
        items.push({
          origin: `${shown}:${line.line}`,
          read: () => {
            if ('error' in line) throw new Error(line.error);
            return toLegacyArticle(line.record, { baseDir });
          },
        });
      }
    } else if (PAGE_EXTENSIONS[ext]) {
      const text = decodeFileBytes(await fs.readFile(file));
      items.push({
        origin: shown,
        read: () => {
          const { data, body } = parseFrontMatter(text);
          return toLegacyArticle({ ...data, body }, { baseDir, bodyFormat: PAGE_EXTENSIONS[ext] });
        },
      });
    } else if (!stat.isDirectory()) {
      throw new Error(`Không nhận dạng được tệp ${shown}: cần .jsonl, .html hoặc .md.`);
    }
  }
  return items;
}
