/**
 * The `---` block at the top of a legacy HTML/Markdown file: `key: value` lines, lists as
 * `[a, b]` or as following `- item` lines, values optionally quoted. Not full YAML: only what
 * the old exports hold, so a stray colon in a title does not need quoting.
 */
export type FrontMatterValue = string | string[];

export interface FrontMatter {
  data: Record<string, FrontMatterValue>;
  body: string;
  /** Line of the body's first line in the file (1-based), for messages. */
  bodyLine: number;
}

const unquote = (value: string) => {
  const v = value.trim();
  return /^(["']).*\1$/.test(v) ? v.slice(1, -1) : v;
};

export class FrontMatterError extends Error {}

export function parseFrontMatter(text: string): FrontMatter {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return { data: {}, body: lines.join('\n'), bodyLine: 1 };
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
  if (end < 0) throw new FrontMatterError('Thiếu dòng "---" đóng phần thông tin đầu tệp.');

  const data: Record<string, FrontMatterValue> = {};
  let listKey: string | null = null;
  for (let i = 1; i < end; i += 1) {
    const line = lines[i];
    if (!line.trim() || line.trim().startsWith('#')) continue;
    const item = /^\s*-\s+(.*)$/.exec(line);
    if (item && listKey) {
      (data[listKey] as string[]).push(unquote(item[1]));
      continue;
    }
    const pair = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!pair) throw new FrontMatterError(`Dòng ${i + 1}: không đọc được "${line.trim()}" (cần dạng "khóa: giá trị").`);
    const [, key, raw] = pair;
    const value = raw.trim();
    if (value === '') {
      data[key] = [];
      listKey = key;
    } else if (/^\[.*\]$/.test(value)) {
      data[key] = value.slice(1, -1).split(',').map(unquote).filter(Boolean);
      listKey = null;
    } else {
      data[key] = unquote(value);
      listKey = null;
    }
  }
  return { data, body: lines.slice(end + 1).join('\n'), bodyLine: end + 2 };
}
